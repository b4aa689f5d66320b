import type { OrderUpdatedPayload } from '../../contracts/socket-events';
import { simulateKitchen, URGENT_PRIORITY, type SimResult } from '../../domain/eta';
import { z } from 'zod';
import { OrderItemStatus, Prisma } from '../../prisma/generated/client';
import type { SqlTx } from '../../db/client';
import { tenantExecute, tenantRows, type SqlTarget } from '../../db/sql';
import { orderEta } from './eta-store';
import type { KitchenState } from '../kitchen-read/kitchen-state';

/** A timer firing right at the ETA is not "late" yet: worker and database clocks differ a little. */
export const LATE_TOLERANCE_MS = 5_000;

export type LateVerdict = { late: boolean; eta: string | null } | 'missing';

export const iso = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/**
 * When an item must next be checked for lateness: its current ETA, or — until it has been
 * flagged once — the time promised to the customer when the order was placed, if that is
 * earlier. ETAs drift later as queues grow; the promise does not, and breaking it is late.
 */
export function checkDeadline(eta: number | null, alreadyLate: boolean, promised: number | null): number | null {
  if (eta === null) return null;
  return !alreadyLate && promised !== null ? Math.min(eta, promised) : eta;
}

export interface ItemLateFacts {
  id: string;
  status: string;
  isLate: boolean;
  estimatedReadyAt: Date | null;
  orderId: string;
  order: { priority: number; initialEstimatedReadyAt: Date | null };
}

const LateFactsRow = z.object({
  id: z.string(),
  status: z.enum(OrderItemStatus),
  isLate: z.boolean(),
  estimatedReadyAt: z.date().nullable(),
  orderId: z.string(),
  priority: z.number().int(),
  initialEstimatedReadyAt: z.date().nullable(),
});

/** What deciding lateness needs of these items (those of the tenant; unknown ids are simply absent). */
export async function readLateFacts(db: SqlTarget, tenantId: string, ids: string[]): Promise<ItemLateFacts[]> {
  const rows = await tenantRows(
    db,
    tenantId,
    'readLateFacts',
    LateFactsRow,
    Prisma.sql`
    SELECT i.id::text, i.status::text, i.is_late AS "isLate", i.estimated_ready_at AS "estimatedReadyAt", i.order_id::text AS "orderId",
           o.priority, o.initial_estimated_ready_at AS "initialEstimatedReadyAt"
    FROM order_items i JOIN orders o ON o.id = i.order_id AND o.tenant_id = i.tenant_id
    WHERE i.tenant_id = ${tenantId}::uuid AND i.id = ANY(${ids}::uuid[])`,
  );
  return rows.map(({ priority, initialEstimatedReadyAt, ...item }) => ({ ...item, order: { priority, initialEstimatedReadyAt } }));
}

/** The answer when the stored row already says there is nothing to do (finished, or not due yet); else null. */
export function settledVerdict(item: ItemLateFacts, now: number): { late: boolean; eta: string | null } | null {
  const stored = item.estimatedReadyAt?.getTime() ?? null;
  const deadline = checkDeadline(stored, item.isLate, item.order.initialEstimatedReadyAt?.getTime() ?? null);
  const settled = { late: item.isLate, eta: iso(deadline) };
  if (item.status === 'DONE' || item.status === 'CANCELLED') return settled;
  if (deadline !== null && now < deadline + LATE_TOLERANCE_MS) return settled;
  return null;
}

export interface LateOutcome {
  result: SimResult;
  verdicts: Map<string, LateVerdict>;
  lateEvents: OrderUpdatedPayload[];
}

/**
 * Decides, for every item whose ETA timer asked since the last run, whether it is late, inside
 * the run's transaction and with its kitchen state: a late item's order and open tasks move up
 * one priority level, then ONE simulation gives everybody's new ETAs. At rush hour many items
 * pass their time together; each no longer pays for a simulation of its own.
 */
export async function flagLateItems(tx: SqlTx, tenantId: string, state: KitchenState, asked: string[]): Promise<LateOutcome> {
  const verdicts = new Map<string, LateVerdict>();
  const rows = asked.length === 0 ? [] : await readLateFacts(tx, tenantId, asked);
  for (const id of asked) if (!rows.some((r) => r.id === id)) verdicts.set(id, 'missing');
  const late: Array<(typeof rows)[number] & { stored: number; priority: number }> = [];
  const unpredicted: string[] = [];
  for (const row of rows) {
    const settled = settledVerdict(row, state.now);
    if (settled) verdicts.set(row.id, settled);
    // Never predicted (e.g. no station could take it earlier): predict now, nothing to be late against.
    else if (row.estimatedReadyAt === null) unpredicted.push(row.id);
    else late.push({ ...row, stored: row.estimatedReadyAt.getTime(), priority: Math.min(URGENT_PRIORITY, row.order.priority + 1) });
  }
  const raised = new Map<string, number>();
  for (const item of late) raised.set(item.orderId, Math.max(raised.get(item.orderId) ?? 0, item.priority));
  // New task objects: the loader hands the same ones to later runs, and this transaction may still roll back.
  if (raised.size > 0) {
    state.tasks = state.tasks.map((task) => {
      const priority = raised.get(task.orderId);
      return priority === undefined || task.priority >= priority ? task : { ...task, priority };
    });
  }
  const result = simulateKitchen(state);

  const lateEvents: OrderUpdatedPayload[] = [];
  for (const [orderId, priority] of [...raised].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const items = late.filter((i) => i.orderId === orderId);
    const promised = items[0].order.initialEstimatedReadyAt?.getTime() ?? Math.min(...items.map((i) => i.stored));
    for (const item of items) {
      const newEta = result.itemReady[item.id] ?? null;
      // Moving the item's ETA off the one that passed is what makes a retry find nothing to do.
      await tenantExecute(
        tx,
        tenantId,
        'flag late item',
        Prisma.sql`
        UPDATE order_items SET is_late = true, estimated_ready_at = ${iso(newEta)}::timestamptz
        WHERE id = ${item.id}::uuid AND tenant_id = ${tenantId}::uuid`,
      );
      // A new entry in this run's map: the entry itself is the loader's, kept for later runs.
      const open = state.items.get(item.id);
      if (open) state.items.set(item.id, { ...open, isLate: true });
      verdicts.set(item.id, { late: true, eta: iso(newEta) });
    }
    const expected = orderEta(state, result, orderId) ?? Math.max(...items.map((i) => result.itemReady[i.id] ?? state.now));
    const delayMinutes = Math.max(0, Math.round((expected - promised) / 60_000));
    await tenantExecute(
      tx,
      tenantId,
      'flag late order',
      Prisma.sql`
      UPDATE orders SET is_late = true, delay_minutes = ${delayMinutes}::int, priority = ${priority}::int, updated_at = now()
      WHERE id = ${orderId}::uuid AND tenant_id = ${tenantId}::uuid`,
    );
    await tenantExecute(
      tx,
      tenantId,
      'raise late order tasks',
      Prisma.sql`
      UPDATE task_instances SET priority = ${priority}::int, updated_at = now()
      WHERE tenant_id = ${tenantId}::uuid AND order_id = ${orderId}::uuid
        AND status IN ('PENDING', 'QUEUED', 'IN_PROGRESS', 'BLOCKED') AND priority < ${priority}::int`,
    );
    lateEvents.push({ orderId, changes: { isLate: true, delayMinutes, priority } });
  }
  for (const id of unpredicted) {
    const row = rows.find((r) => r.id === id)!;
    verdicts.set(id, { late: row.isLate, eta: iso(result.itemReady[id]) });
  }
  return { result, verdicts, lateEvents };
}
