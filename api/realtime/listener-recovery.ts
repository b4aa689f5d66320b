import type { Pool, PoolClient } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EventMeta, ResumePayload } from '../../contracts/socket-events';
import { componentLogger } from '../../config/logger';
import { waitUntilListening } from './cluster-adapter';
import { resendSince } from './resume';
import type { BrigadeServer, BrigadeSocket } from './socket-types';

const log = componentLogger('realtime');
/** How long one probe waits to come back before the next is sent (PostgreSQL may still be down). */
const PROBE_TIMEOUT_MS = 2_000;
const PROBE_PAUSE_MS = 250;

/** Per socket: the last seq it was sent, and where it resumes from after an outage of the listener. */
interface SeqState {
  last: number | undefined;
  hold: number | 'next-resume' | undefined;
}

export interface ListenerRecovery {
  close(): void;
}

/**
 * @socket.io/postgres-adapter LISTENs on one connection of `pool`; when PostgreSQL restarts it
 * connects again after about 2 s and LISTENs anew, and every NOTIFY in between never reaches
 * this node: its sockets would stay connected and silently miss those events. So when a
 * connection of the pool breaks, each socket's last seq is held; once a probe NOTIFY comes back
 * (LISTEN is live again), each socket is sent from the event log what followed it, then a
 * `realtime:resume` (resume.ts resendSince). Clients drop what they also heard live.
 *
 * Install before the adapter (it sees every connection of the pool) and before the handler that
 * resumes new sockets (it sees their first `realtime:resume`).
 */
export function watchListener(io: BrigadeServer, pool: Pool): ListenerRecovery {
  const states = new WeakMap<BrigadeSocket, SeqState>();
  let recovering: Promise<void> | null = null;
  let closed = false;

  io.on('connection', (socket) => {
    const state: SeqState = { last: undefined, hold: recovering ? 'next-resume' : undefined };
    states.set(socket, state);
    socket.onAnyOutgoing((event: string, payload: unknown, meta?: EventMeta) => {
      const resumed = event === 'realtime:resume' ? (payload as ResumePayload).seq : undefined;
      const seq = resumed ?? meta?.seq;
      if (typeof seq !== 'number') return;
      if (resumed !== undefined && state.hold === 'next-resume') {
        // Joined while the listener was down: its join read may predate the LISTEN.
        state.hold = recovering ? resumed : undefined;
        if (!recovering) void resend(socket, resumed);
      }
      if (state.last === undefined || seq > state.last) state.last = seq;
    });
  });

  const resend = (socket: BrigadeSocket, seq: number) =>
    resendSince(socket, pool, seq).catch((err) => {
      log.error({ err, tenantId: socket.data.tenantId }, 'socket resend after listener outage failed');
      // A transport close: the client reconnects with its last seq and is resumed on joining.
      socket.conn.close();
    });

  async function recover(): Promise<void> {
    for (const socket of io.of('/').sockets.values()) {
      const state = states.get(socket);
      if (state && state.hold === undefined) state.hold = state.last ?? 'next-resume';
    }
    while (!closed) {
      try {
        await waitUntilListening(io, pool, PROBE_TIMEOUT_MS);
        break;
      } catch {
        await sleep(PROBE_PAUSE_MS);
      }
    }
    recovering = null;
    if (closed) return;
    log.info('postgres listener back: resending what sockets missed');
    for (const socket of io.of('/').sockets.values()) {
      const state = states.get(socket);
      if (!state || typeof state.hold !== 'number') continue;
      const from = state.hold;
      state.hold = undefined;
      await resend(socket, from);
    }
  }

  const lost = (err: unknown) => {
    if (closed || recovering) return;
    log.warn({ err }, 'a postgres connection of the socket adapter broke: holding sockets until LISTEN is back');
    recovering = recover();
  };
  const checkedOut = new Set<PoolClient>();
  const onAcquire = (client: PoolClient) => checkedOut.add(client);
  const onRelease = (_err: Error | undefined, client: PoolClient) => checkedOut.delete(client);
  const onConnect = (client: PoolClient) => {
    client.on('error', lost);
    // The adapter forgets its LISTEN connection on 'end' without releasing it: the pool would count
    // it forever (a slot lost per restart, and pool.end() never returns). Its mark: a notification listener.
    client.on('end', () => {
      if (checkedOut.has(client) && client.listenerCount('notification') > 0) client.release(new Error('LISTEN connection ended'));
    });
  };
  pool.on('acquire', onAcquire);
  pool.on('release', onRelease);
  pool.on('connect', onConnect);
  pool.on('error', lost);

  return {
    close() {
      closed = true;
      pool.off('acquire', onAcquire);
      pool.off('release', onRelease);
      pool.off('connect', onConnect);
      pool.off('error', lost);
    },
  };
}
