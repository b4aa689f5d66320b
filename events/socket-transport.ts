import type { Emitter } from '@socket.io/postgres-emitter';

/**
 * The PostgreSQL transport shared by the API's Socket.io adapter and the worker's emitter.
 * Both sides must agree on the NOTIFY channel prefix and the attachment table, so the names
 * live here rather than as two sets of library defaults. Not imported by the web app.
 */
export const SOCKET_CHANNEL_PREFIX = 'brigade-socket.io';

/** Payloads over NOTIFY's 8000-byte limit are stored here and fetched by id by the listener. */
export const SOCKET_ATTACHMENT_TABLE = 'socket_io_attachments';

/** Schema from @socket.io/postgres-adapter's README; the adapter deletes old rows itself. */
const CREATE_ATTACHMENT_TABLE = `CREATE TABLE IF NOT EXISTS ${SOCKET_ATTACHMENT_TABLE} (
  id bigserial UNIQUE,
  created_at timestamptz DEFAULT NOW(),
  payload bytea
)`;

type Queryable = { query(sql: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };

/**
 * Idempotent and safe when an API node and a worker start at the same moment: concurrent
 * CREATE TABLE IF NOT EXISTS can still collide on the catalog (unique_violation on pg_type),
 * and the loser of that race simply finds the table there. Looking first means a database role
 * without CREATE on the schema (PostgreSQL 15+ default) works once the table exists.
 */
export async function ensureAttachmentTable(db: Queryable): Promise<void> {
  const { rows } = await db.query('SELECT to_regclass($1) IS NOT NULL AS present', [SOCKET_ATTACHMENT_TABLE]);
  if (rows[0]?.present === true) return;
  try {
    await db.query(CREATE_ATTACHMENT_TABLE);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== '23505' && code !== '42P07') throw err;
  }
}

/** The private parts of @socket.io/postgres-emitter 0.1.1's BroadcastOperator we correct. */
type OperatorInternals = {
  publish(document: Record<string, unknown>): Promise<void>;
  emit(event: string, ...args: unknown[]): boolean;
  serverSideEmit(event: string, ...args: unknown[]): void;
};

export type OpenBroadcast = {
  emit(event: string, ...args: unknown[]): void;
  serverSideEmit(event: string, ...args: unknown[]): void;
  /** Settles once the NOTIFY for the message sent through this broadcast has been issued. */
  published(): Promise<void>;
};

/**
 * A broadcast operator of @socket.io/postgres-emitter with two of its defects corrected for
 * this one message (the library is used unchanged everywhere else):
 * - its messages carry no `nsp`, while @socket.io/postgres-adapter >= 0.4 routes every
 *   notification by `msg.nsp`, so the API would silently drop everything the worker sends;
 * - on a failed publish it re-emits an "error" *event to the same rooms*, which loops while the
 *   database is down and would hand the error object to browsers; here it goes to `onError`.
 * Verified against emitter 0.1.1 + adapter 0.5.0 by api/realtime/socket-server.test.ts.
 */
export function openBroadcast(emitter: Emitter, rooms: string[], onError: (err: unknown) => void): OpenBroadcast {
  const op = emitter.to(rooms) as unknown as OperatorInternals;
  const libraryEmit = op.emit.bind(op);
  const libraryPublish = op.publish.bind(op);
  let published: Promise<void> = Promise.resolve();
  op.publish = (document) => (published = libraryPublish({ ...document, nsp: emitter.nsp }));
  // Only the library's failure path calls emit on this instance after we hand it out.
  op.emit = (_event, err) => {
    onError(err);
    return true;
  };
  return {
    emit: (event, ...args) => void libraryEmit(event, ...args),
    serverSideEmit: (event, ...args) => op.serverSideEmit(event, ...args),
    published: () => published,
  };
}
