import { ensureTable, SOCKET_ATTACHMENT_TABLE } from './socket-transport';

/**
 * The per-tenant event log behind resume-after-disconnect. Socket.io's connectionStateRecovery
 * cannot serve here: @socket.io/postgres-adapter 0.5 extends ClusterAdapter, whose
 * persistSession/restoreSession are no-ops, and our events arrive as NOTIFYs, not io.emit.
 *
 * Each broadcast gets the tenant's next `seq` in the statement that sends its NOTIFY: the counter
 * row stays locked until that statement commits, so seq order is commit order is the order every
 * API node hears them. The rows are kept REPLAY_WINDOW_MS for sockets that reconnect.
 */
export const EVENT_LOG_TABLE = 'realtime_events';
export const EVENT_SEQUENCE_TABLE = 'realtime_sequences';
export const REPLAY_WINDOW_MS = 10 * 60_000;
export const REPLAY_MAX_EVENTS = 1_000;

/** The JSON of a sequenced message ends with its meta: `{"seq":0}]}}}` → `{"seq":<n>}]}}}`. */
export const SEQ_TAIL = '}]}}}';
const SEQ_PLACEHOLDER_TAIL = `0${SEQ_TAIL}`;

type Queryable = { query(sql: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };

// Logged, like the counters: a crash of PostgreSQL must not empty the replay buffer (sockets that
// stay connected through a restart resume from it, api/realtime/listener-recovery.ts) nor the
// dedupe keys a retried publish is checked against.
const CREATE_TABLES = `
CREATE TABLE IF NOT EXISTS ${EVENT_SEQUENCE_TABLE} (
  tenant_id uuid PRIMARY KEY,
  last_seq bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS ${EVENT_LOG_TABLE} (
  tenant_id uuid NOT NULL,
  seq bigint NOT NULL,
  permission text NOT NULL,
  message text NOT NULL,
  dedupe_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX IF NOT EXISTS realtime_events_created_at ON ${EVENT_LOG_TABLE} (created_at);
CREATE INDEX IF NOT EXISTS realtime_events_dedupe ON ${EVENT_LOG_TABLE} (tenant_id, dedupe_key) WHERE dedupe_key IS NOT NULL;`;

/** Same race handling as ensureAttachmentTable (socket-transport.ts). */
export async function ensureEventLog(db: Queryable): Promise<void> {
  await ensureTable(db, EVENT_LOG_TABLE, CREATE_TABLES);
  // Databases made before the log was logged: SET LOGGED rewrites a table of minutes of events, once.
  const { rows } = await db.query(`SELECT relpersistence = 'u' AS unlogged FROM pg_class WHERE oid = $1::regclass`, [EVENT_LOG_TABLE]);
  if (rows[0]?.unlogged === true) await db.query(`ALTER TABLE ${EVENT_LOG_TABLE} SET LOGGED`);
}

/** One message of a batch. `tenantId` null: a control message, sent as is with no seq. */
export interface LogItem {
  /** Its namespace's NOTIFY channel: one statement may notify several (the public pages' pings ride along). */
  channel: string;
  json: string;
  /** msgpack of the message with seq 0 as its last 8 bytes, when the JSON is too long for NOTIFY. */
  packed: Buffer | null;
  tenantId: string | null;
  permission: string | null;
  /** An event whose key the log already holds is not sent again (a retried transition's re-announcement). */
  key: string | null;
}

export function splitSeqPlaceholder(json: string): string {
  if (!json.endsWith(SEQ_PLACEHOLDER_TAIL)) throw new Error('event log: message does not end with its seq');
  return json.slice(0, -SEQ_PLACEHOLDER_TAIL.length);
}

/**
 * One statement, so one round trip and one transaction: drop events whose key was already sent
 * (within the replay window; two retries racing in the same instant can still both pass), number the events per tenant (locking
 * the counters in tenant order, so two batches never deadlock), log them, store oversized ones
 * as adapter attachments with their seq written into the msgpack float64 placeholder, then NOTIFY
 * in batch order.
 */
const SEQUENCED_BATCH = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[], $4::uuid[], $5::text[], $6::text[]) WITH ORDINALITY AS i(channel, head, packed, tenant_id, permission, dedupe_key, ord)
  WHERE i.dedupe_key IS NULL
     OR NOT EXISTS (SELECT 1 FROM ${EVENT_LOG_TABLE} e WHERE e.tenant_id = i.tenant_id AND e.dedupe_key = i.dedupe_key)
), counted AS (
  INSERT INTO ${EVENT_SEQUENCE_TABLE} AS s (tenant_id, last_seq)
  SELECT tenant_id, count(*) FROM input WHERE tenant_id IS NOT NULL GROUP BY tenant_id ORDER BY tenant_id
  ON CONFLICT (tenant_id) DO UPDATE SET last_seq = s.last_seq + excluded.last_seq
  RETURNING tenant_id, last_seq
), numbered AS MATERIALIZED (
  SELECT i.*,
    c.last_seq - count(*) OVER (PARTITION BY i.tenant_id) + row_number() OVER (PARTITION BY i.tenant_id ORDER BY i.ord) AS seq,
    CASE WHEN i.packed IS NOT NULL THEN nextval(pg_get_serial_sequence('${SOCKET_ATTACHMENT_TABLE}', 'id')) END AS attachment_id
  FROM input i LEFT JOIN counted c ON c.tenant_id = i.tenant_id
), logged AS (
  INSERT INTO ${EVENT_LOG_TABLE} (tenant_id, seq, permission, message, dedupe_key)
  SELECT tenant_id, seq, permission, head || seq || '${SEQ_TAIL}', dedupe_key FROM numbered WHERE tenant_id IS NOT NULL
), attached AS (
  INSERT INTO ${SOCKET_ATTACHMENT_TABLE} (id, payload)
  SELECT attachment_id, overlay(packed PLACING float8send(seq::float8) FROM octet_length(packed) - 7) FROM numbered WHERE attachment_id IS NOT NULL
)
SELECT pg_notify(n.channel, CASE
  WHEN n.tenant_id IS NULL THEN n.head
  WHEN n.attachment_id IS NOT NULL THEN json_build_object('uid', 'emitter', 'type', 3, 'attachmentId', n.attachment_id::text)::text
  ELSE n.head || n.seq || '${SEQ_TAIL}' END)
FROM (SELECT * FROM numbered ORDER BY ord) n`;

export async function sendSequencedBatch(db: Queryable, items: readonly LogItem[]): Promise<void> {
  await db.query(SEQUENCED_BATCH, [
    items.map((i) => i.channel),
    items.map((i) => (i.tenantId ? splitSeqPlaceholder(i.json) : i.json)),
    items.map((i) => i.packed),
    items.map((i) => i.tenantId),
    items.map((i) => i.permission),
    items.map((i) => i.key),
  ]);
}

export interface LoggedEvent {
  seq: number;
  permission: string;
  /** The adapter message as it was sent: `data.packet.data` is `[event, payload, { seq }]`. */
  message: string;
}

/**
 * The tenant's events after `afterSeq`, oldest first, at most `limit`; `lastSeq` is the tenant's
 * counter (0 before its first event), so a caller can tell a pruned gap from nothing missed.
 */
export async function readEventsAfter(
  db: Queryable,
  tenantId: string,
  afterSeq: number,
  limit = REPLAY_MAX_EVENTS,
): Promise<{ events: LoggedEvent[]; lastSeq: number }> {
  const { rows } = await db.query(
    `SELECT seq, permission, message, (SELECT last_seq FROM ${EVENT_SEQUENCE_TABLE} WHERE tenant_id = $1) AS last_seq
       FROM (SELECT 1) one LEFT JOIN LATERAL (
         SELECT seq, permission, message FROM ${EVENT_LOG_TABLE} WHERE tenant_id = $1 AND seq > $2 ORDER BY seq LIMIT $3
       ) e ON true`,
    [tenantId, afterSeq, limit],
  );
  const lastSeq = Number(rows[0]?.last_seq ?? 0);
  const events = rows.filter((r) => r.seq !== null).map((r) => ({ seq: Number(r.seq), permission: String(r.permission), message: String(r.message) }));
  return { events, lastSeq };
}

export async function pruneEventLog(db: Queryable, olderThanMs = REPLAY_WINDOW_MS): Promise<void> {
  await db.query(`DELETE FROM ${EVENT_LOG_TABLE} WHERE created_at < now() - make_interval(secs => $1)`, [olderThanMs / 1000]);
}
