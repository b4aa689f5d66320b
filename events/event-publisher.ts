import { Pool } from 'pg';
import {
  EVENT_PERMISSIONS,
  PUBLIC_NAMESPACE,
  boardScreenRoom,
  permissionRoom,
  stationRoom,
  userAudience,
  userRoom,
  type ServerEventName,
  type ServerEventPayload,
} from '../contracts/socket-events';
import { publicSignals } from './public-signals';
import { createSocketEmitter } from './socket-emitter';
import { componentLogger } from '../config/logger';

/**
 * How the worker (or any process) reaches browsers: our emitter (socket-emitter.ts) publishes
 * through PostgreSQL NOTIFY, in batches; every API node's postgres adapter relays the event to its
 * sockets in the room. There is no in-process shortcut, so tests and production take the same path.
 */
export interface RoomEmitter {
  /**
   * Resolves once the event has been handed to PostgreSQL (never rejects: a failure is reported to
   * `onError` instead of failing the activity). While PostgreSQL is unreachable the event waits
   * and is sent once it is back (socket-emitter.ts), so the returned promise waits too.
   */
  emit<E extends ServerEventName>(event: E, payload: ServerEventPayload<E>, options?: EmitOptions): Promise<void>;
}

/**
 * "The tenant" means the sockets of the tenant whose role may read the event
 * (EVENT_PERMISSIONS): each event goes to its permission room, so the adapter's fan-out does the
 * filtering. Every event is numbered in the tenant's event log (events/event-log.ts).
 */
export interface EmitOptions {
  /**
   * The change the event announces, e.g. a task row's version: an event whose key was already
   * sent (in the last REPLAY_WINDOW_MS) is dropped, so an activity retry that announces its
   * transition again does not reach browsers twice.
   */
  once?: string;
}

export interface EventPublisher {
  toTenant(tenantId: string): RoomEmitter;
  toStation(tenantId: string, stationId: string): RoomEmitter;
  /** The tenant room and the station room in ONE broadcast: a socket in both gets it once. */
  toTenantAndStation(tenantId: string, stationId: string): RoomEmitter;
  /**
   * One user's sockets only, whatever their role's permissions (a rider's own delivery): resumed
   * sockets are replayed it only if they are that user's (contracts/socket-events.ts userAudience).
   */
  toUser(tenantId: string, userId: string): RoomEmitter;
  /**
   * Work that will publish later (a coalesced `station:load` waiting for its turn): close()
   * waits for it, so an announcement still due when a process stops is published, not dropped.
   */
  track(work: Promise<unknown>): void;
  /** Closes every socket of the user on every API node (logout, deactivation). Never rejects. */
  disconnectUser(tenantId: string, userId: string): Promise<void>;
  /** Closes every open page of a revoked board screen on every API node. Never rejects. */
  disconnectBoardScreen(tenantId: string, screenId: string): Promise<void>;
  /** Waits for tracked work and queued events, then ends the pool if the publisher created it. */
  close(): Promise<void>;
}

export type EventPublisherOptions = ({ pool: Pool } | { databaseUrl: string }) & {
  onError?: (err: unknown) => void;
  /** Events waiting for PostgreSQL beyond this are dropped (and reported), so an outage cannot grow memory. */
  maxQueued?: number;
  /** How long a publish failing for want of PostgreSQL is retried (socket-emitter.ts); dropped and reported after. */
  retryForMs?: number;
};

/** close() during an outage: the queued events get this long for PostgreSQL to come back. */
const CLOSE_RETRY_GRACE_MS = 10_000;

const DEFAULT_MAX_QUEUED = 10_000;
const log = componentLogger('events');

function reportFailure(err: unknown): void {
  log.error({ err }, 'real-time publish failed');
}

/** An undefined id would address a room nobody is in and the event would vanish silently. */
function required(id: string, name: string): string {
  if (!id) throw new Error(`event publisher: ${name} is required`);
  return id;
}

export function createEventPublisher(options: EventPublisherOptions): EventPublisher {
  const ownsPool = !('pool' in options);
  const pool = 'pool' in options ? options.pool : new Pool({ connectionString: options.databaseUrl, max: 2, connectionTimeoutMillis: 5_000 });
  const onError = options.onError ?? reportFailure;
  // An idle client dropped by the server (restart, failover) is reported, not an uncaught 'error'.
  if (ownsPool) pool.on('error', onError);
  const maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED;
  // Events reach PostgreSQL in the order they were published (a KDS must not see "IN_PROGRESS"
  // after "DONE"): the emitter sends its batches one after the other, each in order, and stores
  // an oversized event's attachment before the NOTIFY of its batch.
  const emitter = createSocketEmitter(pool, { onError, retryForMs: options.retryForMs });
  const publicPages = emitter.inNamespace(PUBLIC_NAMESPACE);
  let lastDelivered: Promise<void> = Promise.resolve();
  let closed = false;
  const tracked = new Set<Promise<unknown>>();

  function publish(tenantId: string, rooms: string[], event: ServerEventName, payload: unknown, once?: string, audience?: string): Promise<void> {
    if (closed) {
      onError(new Error(`event publisher is closed; dropped ${event}`));
      return Promise.resolve();
    }
    // Counted in the emitter: an event it is retrying through an outage still waits there.
    const queued = emitter.pendingSequenced();
    if (queued >= maxQueued) {
      onError(new Error(`${queued} real-time events waiting for PostgreSQL; dropped ${event}`));
      return Promise.resolve();
    }
    const delivered = emitter.broadcastSequenced(
      { rooms, tenantId, permission: audience ?? EVENT_PERMISSIONS[event], key: once && `${event}:${rooms.join('|')}:${once}` },
      event,
      payload,
    );
    lastDelivered = Promise.all([lastDelivered, delivered]).then(() => undefined);
    return delivered;
  }

  /** The public pages' pings follow their event, so a page that refetches on one reads what it announces. */
  function signalPublicPages<E extends ServerEventName>(tenantId: string, event: E, payload: ServerEventPayload<E>): Promise<void> {
    if (closed) return Promise.resolve();
    const sent = publicSignals(tenantId, event, payload).map((signal) => publicPages.broadcast([signal.room], signal.event));
    const delivered = Promise.all(sent).then(() => undefined);
    lastDelivered = Promise.all([lastDelivered, delivered]).then(() => undefined);
    return delivered;
  }

  const roomEmitter = (tenantId: string, tenantWide: boolean, stationId: string | null): RoomEmitter => ({
    emit: (event, payload, options) => {
      const rooms = tenantWide ? [permissionRoom(tenantId, EVENT_PERMISSIONS[event])] : [];
      if (stationId) rooms.push(stationRoom(tenantId, stationId));
      const published = publish(tenantId, rooms, event, payload, options?.once);
      if (!tenantWide) return published;
      return Promise.all([published, signalPublicPages(tenantId, event, payload)]).then(() => undefined);
    },
  });

  return {
    toTenant: (tenantId) => roomEmitter(required(tenantId, 'tenantId'), true, null),
    toStation: (tenantId, stationId) => roomEmitter(required(tenantId, 'tenantId'), false, required(stationId, 'stationId')),
    toTenantAndStation: (tenantId, stationId) => roomEmitter(required(tenantId, 'tenantId'), true, required(stationId, 'stationId')),
    toUser: (tenantId, userId) => ({
      emit: (event, payload, options) =>
        publish(required(tenantId, 'tenantId'), [userRoom(tenantId, required(userId, 'userId'))], event, payload, options?.once, userAudience(userId)),
    }),
    disconnectUser: (tenantId, userId) => emitter.disconnectSockets([userRoom(required(tenantId, 'tenantId'), required(userId, 'userId'))]),
    disconnectBoardScreen: (tenantId, screenId) =>
      publicPages.disconnectSockets([boardScreenRoom(required(tenantId, 'tenantId'), required(screenId, 'screenId'))]),
    track(work) {
      const settled: Promise<unknown> = work.then(
        () => tracked.delete(settled),
        () => tracked.delete(settled),
      );
      tracked.add(settled);
    },
    async close() {
      // Tracked work may publish, and may start more (the next coalesced run) before it settles.
      while (tracked.size > 0) await Promise.all(tracked);
      closed = true;
      emitter.limitRetries(CLOSE_RETRY_GRACE_MS);
      await lastDelivered;
      await emitter.idle();
      if (ownsPool) await pool.end();
    },
  };
}
