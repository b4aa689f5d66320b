import type { Pool } from 'pg';

/** The statement @socket.io/postgres-emitter 0.1.1 sends for every event. */
const NOTIFY_SQL = 'SELECT pg_notify($1, $2)';
/** Two parameters per event; PostgreSQL takes at most 65,535 per statement. */
const MAX_BATCH = 1_000;

type Queryable = Pick<Pool, 'query'>;
interface Waiting {
  channel: unknown;
  payload: unknown;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export interface NotifyBatcher {
  /** Stands in for the pool the emitter publishes through. */
  pool: Pool;
  /** How many NOTIFYs have been handed over so far (to see whether a publish queued one at once). */
  handedOver(): number;
}

/**
 * Sends the emitter's NOTIFYs in batches: while one batch is on its way to PostgreSQL, the
 * events published meanwhile wait and then go together, as one `SELECT pg_notify(...),
 * pg_notify(...)`: one round trip and one transaction, whose notifications PostgreSQL delivers
 * in the order they were sent. A busy kitchen publishes dozens of events a second, and one
 * round trip each was most of what they cost. A quiet one still sends each event at once (on
 * the next turn of the event loop).
 * Every other query (the attachment table) goes straight to the pool.
 */
export function createNotifyBatcher(pool: Queryable): NotifyBatcher {
  let waiting: Waiting[] = [];
  let sending = false;
  let handed = 0;

  const send = async (): Promise<void> => {
    while (waiting.length > 0) {
      const batch = waiting.slice(0, MAX_BATCH);
      waiting = waiting.slice(batch.length);
      const calls = batch.map((_, i) => `pg_notify($${2 * i + 1}, $${2 * i + 2})`).join(', ');
      try {
        await pool.query(`SELECT ${calls}`, batch.flatMap((w) => [w.channel, w.payload]));
        for (const w of batch) w.resolve();
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    sending = false;
  };

  const query = (sql: string, params?: unknown[]) => {
    if (sql !== NOTIFY_SQL) return pool.query(sql, params);
    handed++;
    return new Promise<{ rows: never[] }>((resolve, reject) => {
      waiting.push({ channel: params?.[0], payload: params?.[1], resolve: () => resolve({ rows: [] }), reject });
      if (sending) return;
      sending = true;
      // Events published before the event loop turns (the several events of one transition, the
      // transitions finishing together) join the first batch.
      setImmediate(() => void send());
    });
  };

  return { pool: { query } as unknown as Pool, handedOver: () => handed };
}
