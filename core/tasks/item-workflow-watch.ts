import { LRUCache } from 'lru-cache';
import type { Pool, PoolClient } from 'pg';
import { ITEM_WORKFLOW_CHANNEL } from '../kitchen/item-workflow-channel';
import { componentLogger } from '../../config/logger';

const log = componentLogger('kds');

/**
 * Hears item workflows start. A ticket fired at the counter is on the KDS before its item
 * workflow exists, so a cook's first tap can find no workflow to act on; the action then waits
 * here for the item's workflow to announce itself (its first activity NOTIFYs its id) instead of
 * polling Temporal blindly. Announcements are kept a minute, for a tap that missed the moment.
 * Never required: a wait that hears nothing simply ends after its time, and the caller polls.
 */
export interface ItemWorkflowWatch {
  /** Resolves true when the item's workflow has announced itself (at once if it already did), or false after `ms`. */
  wait(orderItemId: string, ms: number): Promise<boolean>;
  close(): Promise<void>;
}

const RECENT_MS = 60_000;
const RECONNECT_MS = 2_000;

export function watchItemWorkflows(pool: Pool, onError: (err: unknown) => void = report): ItemWorkflowWatch {
  const announced = new LRUCache<string, true>({ max: 10_000, ttl: RECENT_MS });
  const waiters = new Map<string, Set<() => void>>();
  let client: PoolClient | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const hear = (orderItemId: string) => {
    announced.set(orderItemId, true);
    for (const wake of waiters.get(orderItemId) ?? []) wake();
    waiters.delete(orderItemId);
  };

  const listen = async () => {
    try {
      const c = await pool.connect();
      c.on('notification', (msg) => msg.payload && hear(msg.payload));
      c.on('error', (err) => {
        onError(err);
        drop(c);
      });
      c.on('end', () => drop(c));
      await c.query(`LISTEN ${ITEM_WORKFLOW_CHANNEL}`);
      if (closed) return void c.release();
      client = c;
    } catch (err) {
      onError(err);
      if (!closed) retry = setTimeout(() => void listen(), RECONNECT_MS);
    }
  };
  const drop = (c: PoolClient) => {
    if (client !== c) return;
    client = null;
    c.release(true);
    if (!closed) retry = setTimeout(() => void listen(), RECONNECT_MS);
  };
  void listen();

  return {
    wait(orderItemId, ms) {
      if (announced.has(orderItemId)) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          waiters.get(orderItemId)?.delete(wake);
          if (waiters.get(orderItemId)?.size === 0) waiters.delete(orderItemId);
          resolve(false);
        }, ms);
        waiters.set(orderItemId, (waiters.get(orderItemId) ?? new Set()).add(wake));
      });
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      for (const set of waiters.values()) for (const wake of set) wake();
      waiters.clear();
      const c = client;
      client = null;
      if (c)
        await c
          .query(`UNLISTEN ${ITEM_WORKFLOW_CHANNEL}`)
          .catch(() => undefined)
          .finally(() => c.release());
    },
  };
}

function report(err: unknown): void {
  log.error({ err }, 'listening for item workflows failed');
}
