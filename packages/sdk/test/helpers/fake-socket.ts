import type { WebSocketConstructor } from '../../src/connection.js';

interface Handlers {
  onopen: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** An in-memory WebSocket the test drives: open it, push server frames, close it. */
export class FakeSocket implements Handlers {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: Handlers['onopen'] = null;
  onmessage: Handlers['onmessage'] = null;
  onclose: Handlers['onclose'] = null;
  onerror: Handlers['onerror'] = null;
  closedWith: number | null = null;

  constructor(
    readonly url: string,
    readonly protocols?: string | string[],
  ) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(JSON.parse(data));
  }

  close(code = 1000): void {
    this.closedWith = code;
    this.readyState = 3;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }

  receive(message: object): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }

  serverClose(code: number, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }

  /** Sent frames other than pings. */
  commands(): Record<string, unknown>[] {
    return this.sent.filter((m) => m.type !== 'ping');
  }
}

/** A WebSocket class whose instances are recorded in `sockets`. */
export function fakeWebSocket(): {
  WebSocket: WebSocketConstructor;
  sockets: FakeSocket[];
  last(): FakeSocket;
} {
  const sockets: FakeSocket[] = [];
  class WebSocket extends FakeSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      sockets.push(this);
    }
  }
  return {
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    sockets,
    last: () => {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket yet');
      return socket;
    },
  };
}
