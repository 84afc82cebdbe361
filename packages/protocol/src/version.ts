/** Major version of the Quizwire wire protocol. Bumped only for breaking changes. */
export const PROTOCOL_VERSION = 1 as const;

/**
 * WebSocket subprotocol both sides negotiate (`Sec-WebSocket-Protocol`).
 * A server refuses an upgrade that does not offer it, so old clients fail loudly instead of
 * misreading frames.
 */
export const SUBPROTOCOL = 'quizwire.v1' as const;

/** Path of the WebSocket endpoint on a Quizwire server. */
export const WS_PATH = '/ws' as const;
