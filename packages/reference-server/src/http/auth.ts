import type { IncomingMessage } from 'node:http';
import { jwtVerify } from 'jose';

/**
 * Verify a host JWT (HS256, claim `role: "host"`, `exp` honoured). The same rule guards room
 * creation over WebSocket (`?token=`) and the host-only HTTP APIs (`Authorization: Bearer`).
 */
export async function verifyHostToken(token: string, secret: string): Promise<boolean> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'] });
    return payload.role === 'host';
  } catch {
    return false;
  }
}

/** Does this HTTP request carry host rights? Without a configured secret, everyone is a host. */
export async function isHostRequest(req: IncomingMessage, secret: string | undefined): Promise<boolean> {
  if (secret === undefined) return true;
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? verifyHostToken(match[1]!, secret) : false;
}
