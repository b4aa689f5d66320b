import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureEventLog, sendSequencedBatch, type LogItem } from './event-log';
import { isDatabaseUnreachable } from '../db/unreachable';
import { encodeMsgpack } from './msgpack';
import { SOCKET_ATTACHMENT_TABLE, SOCKET_CHANNEL_PREFIX, ensureAttachmentTable } from './socket-transport';

/**
 * Our own emitter for the API nodes' @socket.io/postgres-adapter: it writes the adapter's
 * message format with plain `pg_notify`, so no library internals are touched.
 *
 * Why our own: @socket.io/postgres-emitter 0.1.1 (its latest) omits the `nsp` adapter >= 0.4
 * routes by, so its public API delivers nothing, and one NOTIFY per event runs at 1/2 (interleaved
 * transitions) to 1/6 (a burst) of the events/s of batches, at 2.5–5x the publisher's CPU.
 *
 * The wire format, as @socket.io/postgres-adapter 0.5.0 reads it (src/util.ts PubSubClient and
 * socket.io-adapter's ClusterAdapter.onMessage), pinned by events/socket-emitter.test.ts:
 * - channel `${channelPrefix}#${nsp}`, payload the JSON of
 *   `{ uid: 'emitter', nsp, type: 3 (BROADCAST), data: { packet: { type: 2 (EVENT), data: [event, ...args], nsp }, opts: { rooms, except, flags } } }`
 *   or `{ uid, nsp, type: 9 (SERVER_SIDE_EMIT), data: { packet: [event, ...args] } }`;
 *   uid `emitter` is the one socket.io-adapter does not count as a cluster node;
 * - a payload PostgreSQL would refuse (8000 bytes or more; the library's `> 8000` lets exactly
 *   8000 through to fail) is stored msgpack-encoded in the attachment table and the NOTIFY
 *   carries `{ uid, type, attachmentId }` instead; the adapter deletes such rows after 30 s.
 *
 * Batching: events emitted while a statement is on its way (or before the event loop turns) go
 * together as one `SELECT pg_notify($1, $2), pg_notify($1, $3), …`: one round trip and one
 * transaction, whose notifications PostgreSQL delivers in the order they were written.
 * PostgreSQL also folds identical notifications of one transaction into one, so a batch ends
 * before a payload it already holds (A, B, A is three notifications, not two).
 *
 * Outages: a statement that fails because PostgreSQL is unreachable (a restart, a failover) is
 * sent again, the same batch first, until it goes through or `retryForMs` has passed; later
 * events wait behind it, so order holds. Every sequenced event carries a dedupe key (its own
 * `key`, else a random one), so a batch that committed although its answer was lost is not
 * logged or sent twice when it is retried.
 */
export interface SocketEmitter {
  /** Sequenced broadcasts not yet sent or given up, retried ones included. */
  pendingSequenced(): number;
  /** Resolves once everything enqueued so far has been sent or given up. */
  idle(): Promise<void>;
  /** Stop retrying failed statements after `ms` from now (a process shutting down during an outage). */
  limitRetries(ms: number): void;
  /**
   * What `io.to(rooms).emit(event, ...args)` does on an API node, for every node. Resolves once
   * the NOTIFY has been sent, has failed (failures go to onError), or waits for PostgreSQL to be
   * back (it is retried meanwhile); never rejects.
   */
  broadcast(rooms: readonly string[], event: string, ...args: unknown[]): Promise<void>;
  /**
   * A broadcast numbered in its tenant's event log (events/event-log.ts): the client receives
   * `(payload, { seq })` and a reconnecting socket is sent what it missed. Never rejects.
   */
  broadcastSequenced(target: SequencedTarget, event: string, payload: unknown): Promise<void>;
  /** What `io.in(rooms).disconnectSockets(true)` does, for every node. Never rejects. */
  disconnectSockets(rooms: readonly string[]): Promise<void>;
  /** `broadcast` and `disconnectSockets` in another namespace (the public pages' PUBLIC_NAMESPACE). */
  inNamespace(nsp: string): Pick<SocketEmitter, 'broadcast' | 'disconnectSockets'>;
  /** What `io.serverSideEmit(event, ...args)` does (no acknowledgements). Never rejects. */
  serverSideEmit(event: string, ...args: unknown[]): Promise<void>;
}

export interface SequencedTarget {
  rooms: readonly string[];
  tenantId: string;
  /** Who may read it: a socket resuming is sent only what its role may read. */
  permission: string;
  /** Sent at most once per key (events/event-log.ts): a retry's repeat of the same change is dropped. */
  key?: string;
}

type Queryable = { query(sql: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };

export type SocketEmitterOptions = {
  /** Called once per failed statement (not once per event in it), once it is given up. */
  onError: (err: unknown) => void;
  /** How long a statement failing for want of PostgreSQL is retried; 0: never (the startup probe). */
  retryForMs?: number;
};

/** Long enough for a restart or a failover; the event log keeps events REPLAY_WINDOW_MS. */
export const DEFAULT_RETRY_FOR_MS = 5 * 60_000;
const RETRY_FIRST_DELAY_MS = 100;
const RETRY_MAX_DELAY_MS = 2_000;

/** The emitter uid socket.io-adapter recognises (not a cluster node, never "self"). */
const EMITTER_UID = 'emitter';
const NSP = '/';
/** socket.io-adapter MessageType. */
const BROADCAST = 3;
const SERVER_SIDE_EMIT = 9;
const DISCONNECT_SOCKETS = 6;
/** socket.io-parser PacketType.EVENT. */
const EVENT_PACKET = 2;
/** PostgreSQL refuses a NOTIFY payload of this many bytes or more. */
const NOTIFY_PAYLOAD_LIMIT = 8000;
/** One parameter per event plus the channel; PostgreSQL takes at most 65,535 per statement. */
const MAX_BATCH = 1_000;

export const SOCKET_CHANNEL = `${SOCKET_CHANNEL_PREFIX}#${NSP}`;

interface Outgoing {
  json: string;
  type: number;
  /** Its namespace's NOTIFY channel (a batch may notify several). */
  channel: string;
  done: () => void;
  /** Present on sequenced broadcasts. */
  sequence?: { tenantId: string; permission: string; key: string | null };
}

/** `SELECT pg_notify($1, $3), pg_notify($2, $4), …`: each channel once among the parameters. */
function notifyStatement(notifications: ReadonlyArray<{ channel: string; payload: string }>): [string, string[]] {
  const channels = [...new Set(notifications.map((n) => n.channel))];
  const calls = notifications.map((n, i) => `pg_notify($${channels.indexOf(n.channel) + 1}, $${channels.length + i + 1})`);
  return [`SELECT ${calls.join(', ')}`, [...channels, ...notifications.map((n) => n.payload)]];
}

export function createSocketEmitter(db: Queryable, options: SocketEmitterOptions): SocketEmitter {
  const { onError } = options;
  const retryForMs = options.retryForMs ?? DEFAULT_RETRY_FOR_MS;
  let retryCap = Infinity;
  let waiting: Outgoing[] = [];
  let sending = false;

  let inFlight: Outgoing[] = [];
  let idleWaiters: Array<() => void> = [];
  /** A statement is being retried: what is enqueued meanwhile waits behind it, its caller does not. */
  let stalled = false;

  /**
   * Runs `work`, again after transient failures (see above); throws what it finally failed with.
   * `onStall` runs at each failure: the callers' promises resolve then (and at once for what is
   * enqueued while it lasts), so an activity or a request does not wait out an outage for its
   * announcement, which follows when PostgreSQL is back.
   */
  const withRetry = async <T>(work: () => Promise<T>, onStall: () => void): Promise<T> => {
    const giveUpAt = Date.now() + retryForMs;
    try {
      for (let delay = RETRY_FIRST_DELAY_MS; ; delay = Math.min(2 * delay, RETRY_MAX_DELAY_MS)) {
        try {
          return await work();
        } catch (err) {
          if (!isDatabaseUnreachable(err) || Date.now() + delay > Math.min(giveUpAt, retryCap)) throw err;
          stalled = true;
          onStall();
          for (const item of waiting) item.done();
          await sleep(delay);
        }
      }
    } finally {
      stalled = false;
    }
  };

  // Created before the first attachment (retried on the next one if the database was unreachable).
  let tableReady: Promise<void> | undefined;
  const ensureTable = (): Promise<void> => {
    tableReady ??= ensureAttachmentTable(db).catch((err) => {
      tableReady = undefined;
      throw err;
    });
    return tableReady;
  };

  let logReady: Promise<void> | undefined;
  const ensureLog = (): Promise<void> => {
    logReady ??= Promise.all([ensureTable(), ensureEventLog(db)])
      .then(() => undefined)
      .catch((err) => {
        logReady = undefined;
        throw err;
      });
    return logReady;
  };

  /** A batch holding a sequenced broadcast goes out as one statement that numbers and logs it. */
  const sendSequenced = async (batch: Outgoing[], stalled: () => void): Promise<void> => {
    const items: LogItem[] = [];
    for (const item of batch) {
      // Room for the seq's digits, which replace the placeholder 0.
      const fits = Buffer.byteLength(item.json) + 20 < NOTIFY_PAYLOAD_LIMIT;
      if (!fits && !item.sequence) {
        onError(new Error('socket emitter: control message too large for NOTIFY'));
        continue;
      }
      const packed = fits ? null : encodeMsgpack(JSON.parse(item.json));
      const { tenantId = null, permission = null, key = null } = item.sequence ?? {};
      items.push({ channel: item.channel, json: item.json, packed, tenantId, permission, key });
    }
    await withRetry(async () => {
      await ensureLog();
      if (items.length > 0) await sendSequencedBatch(db, items);
    }, stalled);
  };

  const attach = async (item: Outgoing, stalled: () => void): Promise<string> => {
    const payload = encodeMsgpack(JSON.parse(item.json));
    const { rows } = await withRetry(async () => {
      await ensureTable();
      return db.query(`INSERT INTO ${SOCKET_ATTACHMENT_TABLE} (payload) VALUES ($1) RETURNING id`, [payload]);
    }, stalled);
    return JSON.stringify({ uid: EMITTER_UID, type: item.type, attachmentId: rows[0].id });
  };

  /** The next events to send together: in order, at most MAX_BATCH, no payload twice. */
  const takeBatch = (): Outgoing[] => {
    const seen = new Set<string>();
    let n = 0;
    while (n < waiting.length && n < MAX_BATCH && !seen.has(waiting[n].json)) seen.add(waiting[n++].json);
    const batch = waiting.slice(0, n);
    waiting = waiting.slice(n);
    return batch;
  };

  const send = async (): Promise<void> => {
    while (waiting.length > 0) {
      const batch = (inFlight = takeBatch());
      const release = () => {
        for (const item of batch) item.done();
      };
      if (batch.some((item) => item.sequence)) {
        try {
          await sendSequenced(batch, release);
        } catch (err) {
          onError(err);
        }
        release();
        continue;
      }
      const notifications: Array<{ channel: string; payload: string }> = [];
      for (const item of batch) {
        if (Buffer.byteLength(item.json) < NOTIFY_PAYLOAD_LIMIT) notifications.push({ channel: item.channel, payload: item.json });
        else {
          // Stored before the batch's NOTIFY, so its header keeps its place in the order.
          try {
            notifications.push({ channel: item.channel, payload: await attach(item, release) });
          } catch (err) {
            onError(err);
          }
        }
      }
      try {
        if (notifications.length > 0) await withRetry(() => db.query(...notifyStatement(notifications)), release);
      } catch (err) {
        onError(err);
      }
      release();
    }
    inFlight = [];
    sending = false;
    for (const waiter of idleWaiters) waiter();
    idleWaiters = [];
  };

  /** `coalesce`: the same message already waiting to be sent is enough (the public pages' pings). */
  const enqueue = (message: { type: number; data: unknown }, sequence?: Outgoing['sequence'], nsp = NSP, coalesce = false): Promise<void> => {
    let json: string;
    const channel = `${SOCKET_CHANNEL_PREFIX}#${nsp}`;
    try {
      // Serialised now: the event carries its payload as it was when emitted.
      json = JSON.stringify({ uid: EMITTER_UID, nsp, ...message });
    } catch (err) {
      onError(err);
      return Promise.resolve();
    }
    if (coalesce && waiting.some((w) => w.json === json)) return Promise.resolve();
    return new Promise<void>((done) => {
      waiting.push({ json, type: message.type, channel, done, sequence });
      if (stalled) done();
      if (sending) return;
      sending = true;
      // Events emitted before the event loop turns (the several events of one transition, the
      // transitions finishing together) join the first batch.
      setImmediate(() => void send());
    });
  };

  const broadcastIn = (nsp: string, rooms: readonly string[], event: string, args: unknown[]) =>
    enqueue(
      { type: BROADCAST, data: { packet: { type: EVENT_PACKET, data: [event, ...args], nsp }, opts: { rooms: [...rooms], except: [], flags: {} } } },
      undefined,
      nsp,
      nsp !== NSP,
    );
  const disconnectIn = (nsp: string, rooms: readonly string[]) =>
    enqueue({ type: DISCONNECT_SOCKETS, data: { opts: { rooms: [...rooms], except: [], flags: {} }, close: true } }, undefined, nsp);

  return {
    pendingSequenced: () => [...waiting, ...inFlight].filter((item) => item.sequence).length,
    idle: () => (sending ? new Promise<void>((resolve) => idleWaiters.push(resolve)) : Promise.resolve()),
    limitRetries: (ms) => {
      retryCap = Math.min(retryCap, Date.now() + ms);
    },
    broadcast: (rooms, event, ...args) => broadcastIn(NSP, rooms, event, args),
    // `{ seq: 0 }` last of all, in the JSON and the msgpack alike: event-log.ts writes the seq there.
    broadcastSequenced: ({ rooms, tenantId, permission, key }, event, payload) =>
      enqueue(
        {
          type: BROADCAST,
          data: { opts: { rooms: [...rooms], except: [], flags: {} }, packet: { type: EVENT_PACKET, nsp: NSP, data: [event, payload, { seq: 0 }] } },
        },
        // A random key when the event has none: what makes a retried batch safe (see above).
        { tenantId, permission, key: key ?? `publish:${randomUUID()}` },
      ),
    serverSideEmit: (event, ...args) => enqueue({ type: SERVER_SIDE_EMIT, data: { packet: [event, ...args] } }),
    disconnectSockets: (rooms) => disconnectIn(NSP, rooms),
    inNamespace: (nsp) => ({
      broadcast: (rooms, event, ...args) => broadcastIn(nsp, rooms, event, args),
      disconnectSockets: (rooms) => disconnectIn(nsp, rooms),
    }),
  };
}
