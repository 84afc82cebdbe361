import type { QuizClientLike } from './client.js';

/** Makes the client a composite element uses when it is given a `server` but no `client`. */
export type ClientFactory = (options: {
  url: string;
  storageKey: string;
}) => QuizClientLike | Promise<QuizClientLike>;

let factory: ClientFactory | undefined;

/**
 * Replaces how composites create their client (for instance to pass SDK options such as a
 * logger or storage). By default they call `createQuizClient({ url })` of `@quizwire/sdk`.
 */
export function setClientFactory(next: ClientFactory | undefined): void {
  factory = next;
}

/**
 * Turns a `server` attribute into a WebSocket URL: `wss://…` and `ws://…` stay as they are,
 * `https://host` becomes `wss://host/ws`, and a path such as `/ws` resolves against the page.
 */
export function resolveServerUrl(
  server: string,
  base: string = globalThis.location?.href ?? 'http://localhost/',
): string {
  const url = new URL(server, base);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/ws';
  return url.toString();
}

/**
 * Creates a client for `server`: through the factory if one is set, else through the SDK.
 * `storageKey` keeps the stored sessions of several widgets on one page apart.
 */
export async function createClientFor(server: string, storageKey = 'quizwire'): Promise<QuizClientLike> {
  const url = resolveServerUrl(server);
  if (factory) return factory({ url, storageKey });
  // Loaded on demand: elements given a client (tests, stories, apps) never load the SDK.
  const sdk = await import('@quizwire/sdk');
  return sdk.createQuizClient({ url, storageKey });
}
