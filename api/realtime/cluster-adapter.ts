import { randomUUID } from 'node:crypto';
import { createAdapter } from '@socket.io/postgres-adapter';
import type { Pool } from 'pg';
import { createSocketEmitter } from '../../events/socket-emitter';
import { SOCKET_ATTACHMENT_TABLE, SOCKET_CHANNEL_PREFIX, ensureAttachmentTable } from '../../events/socket-transport';
import type { BrigadeServer } from './socket-types';
import { componentLogger } from '../../config/logger';

const PROBE_EVERY_MS = 100;
const log = componentLogger('realtime');

function logAdapterError(err: unknown): void {
  log.error({ err }, 'postgres adapter error');
}

/**
 * Makes this API node one member of the PostgreSQL-backed cluster: events published by the worker
 * (events/event-publisher.ts) or by any other node reach this node's sockets.
 *
 * Resolves only once a message sent the way the worker sends it has come back through LISTEN.
 * The adapter subscribes asynchronously and silently retries, so without this an event emitted
 * right after startup could be lost, and a wrong database would go unnoticed.
 */
export async function installClusterAdapter(io: BrigadeServer, pool: Pool, readyTimeoutMs = 5_000): Promise<void> {
  await ensureAttachmentTable(pool);
  io.adapter(
    createAdapter(pool, {
      channelPrefix: SOCKET_CHANNEL_PREFIX,
      tableName: SOCKET_ATTACHMENT_TABLE,
      errorHandler: logAdapterError,
    }),
  );
  await waitUntilListening(io, pool, readyTimeoutMs);
}

/** Resolves once a NOTIFY sent now comes back through this node's LISTEN; rejects after `timeoutMs`. */
export function waitUntilListening(io: BrigadeServer, pool: Pool, timeoutMs: number): Promise<void> {
  const nonce = randomUUID();
  let lastError: unknown;
  // No retries: the probe is sent again every PROBE_EVERY_MS anyway.
  const emitter = createSocketEmitter(pool, {
    retryForMs: 0,
    onError: (err) => {
      lastError = err;
    },
  });
  const send = () => void emitter.serverSideEmit('realtime:probe', nonce);

  return new Promise<void>((resolve, reject) => {
    const onProbe = (received: string) => {
      if (received === nonce) finish();
    };
    const retry = setInterval(send, PROBE_EVERY_MS);
    const deadline = setTimeout(() => {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      finish(new Error(`Socket.io postgres adapter did not start listening within ${timeoutMs} ms${reason}`));
    }, timeoutMs);
    function finish(err?: Error) {
      clearInterval(retry);
      clearTimeout(deadline);
      io.off('realtime:probe', onProbe);
      if (err) reject(err);
      else resolve();
    }
    io.on('realtime:probe', onProbe);
    send();
  });
}
