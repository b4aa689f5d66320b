/**
 * The PostgreSQL transport shared by the API's Socket.io adapter and our emitter (socket-emitter.ts).
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
export function ensureAttachmentTable(db: Queryable): Promise<void> {
  return ensureTable(db, SOCKET_ATTACHMENT_TABLE, CREATE_ATTACHMENT_TABLE);
}

/** Runs `ddl` unless `table` exists, with the race handling described above. */
export async function ensureTable(db: Queryable, table: string, ddl: string): Promise<void> {
  const { rows } = await db.query('SELECT to_regclass($1) IS NOT NULL AS present', [table]);
  if (rows[0]?.present === true) return;
  try {
    await db.query(ddl);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== '23505' && code !== '42P07') throw err;
  }
}
