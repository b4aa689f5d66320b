import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';

const plain = (address: string | undefined) => (address ?? 'unknown').replace(/^::ffff:/, '');

/** The client's address as Express computes it from TRUST_PROXY (app.ts sets `trust proxy`). */
export function clientIp(req: Request): string {
  return plain(req.ip);
}

/**
 * The same for a Socket.io handshake, which is no Express request: TRUST_PROXY is a hop count, and
 * Express then takes the address that many hops back along X-Forwarded-For (socket first).
 * Hand-written because the one library that does this (proxy-addr) is not a dependency of ours.
 */
export function handshakeIp(req: IncomingMessage, trustedHops: number): string {
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .reverse();
  const hops = [req.socket.remoteAddress, ...forwarded];
  return plain(hops[Math.min(trustedHops, hops.length - 1)]);
}
