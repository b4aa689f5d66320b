import type { SimResult } from '../../domain/eta';
import { withTransaction, type SqlTx } from '../../db/client';
import { tenantExecute } from '../../db/sql';
import { Prisma } from '../../prisma/generated/client';
import { Coalescer } from '../kitchen-read/coalesce';
import type { KitchenActivities } from '../../contracts/kitchen-activities';
import { fail, type ActivityDeps } from '../kitchen/deps';
import { checkDeadline, flagLateItems, iso, readLateFacts, settledVerdict, type LateVerdict } from './eta-late';
import { emitEtas, storeEtas } from './eta-store';
import { createKitchenStateLoader, type KitchenState } from '../kitchen-read/kitchen-state';
import { componentLogger } from '../../config/logger';
import type { TenantCacheLimits } from '../../config/tenant-caches';

const log = componentLogger('eta');

/** First key of the per-tenant advisory lock (the second is the tenant): "ETA" on a phone keypad. */
const ETA_LOCK = 382;

/**
 * A tenant's recalculations start at least this far apart: a busy kitchen's transitions then
 * share two runs a second instead of one each (ETAs are in minutes; half a second is nothing
 * to a customer, and the kitchen flow never waits for them). Each run loads and simulates the
 * whole kitchen, so this spacing is most of what ETAs cost a busy kitchen.
 */
export const ETA_MIN_SPACING_MS = 500;

/**
 * One ETA computation per tenant at a time: two running side by side would each read the kitchen
 * and the slower one would store the staler answer. In this process the Coalescer below already
 * runs one at a time, waiting in memory rather than on a pooled connection; the advisory lock
 * orders the runs of different processes.
 */
function underKitchenLock<T>(deps: ActivityDeps, tenantId: string, run: (tx: SqlTx) => Promise<T>): Promise<T> {
  return withTransaction(deps.prisma, async (tx) => {
    // A run that cannot get the lock in 10 s fails, and the activity's retry (or the next transition) asks again.
    await tenantExecute(
      tx,
      tenantId,
      'ETA kitchen lock',
      Prisma.sql`SELECT set_config('lock_timeout', '10s', true), pg_advisory_xact_lock(${ETA_LOCK}::int, hashtext(${tenantId}))`,
    );
    return run(tx);
  });
}

function itemEta(state: KitchenState, result: SimResult, orderItemId: string): string | null {
  if (result.itemReady[orderItemId] !== undefined) return iso(result.itemReady[orderItemId]);
  // Not schedulable right now (no station for a type): keep the last prediction, if any.
  return iso(state.items.get(orderItemId)?.estimatedReadyAt);
}

/** When the item must next be checked for lateness, from a finished recalculation. */
function lateCheckAt(state: KitchenState, result: SimResult, orderItemId: string): string | null {
  const eta = itemEta(state, result, orderItemId);
  if (eta === null) return null;
  const item = state.items.get(orderItemId);
  const promised = item ? (state.orders.get(item.orderId)?.initialEstimatedReadyAt ?? null) : null;
  return iso(checkDeadline(Date.parse(eta), item?.isLate ?? false, promised));
}

export interface EtaRun {
  state: KitchenState;
  result: SimResult;
  /** The answers for the items whose ETA timers asked (checkItemLate) since the previous run. */
  verdicts: Map<string, LateVerdict>;
}

/**
 * A process's ETA runs, per tenant. Transitions ask for one after they commit (`after`) and do
 * not wait for it; an item workflow asks (`request`) only when it needs its own deadline.
 */
export interface EtaRuns {
  /** A run computed after the caller's writes committed (shared with everyone who asked meanwhile). */
  request(tenantId: string, reason: string): Promise<EtaRun>;
  /** The same, for an item whose ETA passed unfinished: the run decides whether it is late. */
  requestLateCheck(tenantId: string, orderItemId: string): Promise<EtaRun>;
  /**
   * Asks for a run after a transition committed and goes on: its ETAs are stored and published
   * by the run. A failure only logs (the next transition asks again); the publisher's close()
   * waits for a run still due.
   */
  after(tenantId: string, reason: string): void;
  /** Tenants whose kitchen mirror this process holds. */
  cachedTenants(): number;
  /** Runs finished by this process so far (the many-tenants bench's runs per second). */
  finishedRuns(): number;
}

/** One per process: the kitchen simulation, run forward from the tenant's current state (mirrors kept within `limits`). */
export function createEtaRuns(deps: ActivityDeps, limits?: TenantCacheLimits): EtaRuns {
  const { clock } = deps;
  const loader = createKitchenStateLoader(deps.learned, limits);
  /** Why recalculations were asked for since the last run started, per tenant (kept in the breakdown). */
  const reasons = new Map<string, Set<string>>();
  /** Items whose ETA passed unfinished, waiting for the next run to decide, per tenant. */
  const lateAsks = new Map<string, Set<string>>();
  let finished = 0;
  const ask = <T>(asks: Map<string, Set<T>>, tenantId: string, value: T) => asks.set(tenantId, (asks.get(tenantId) ?? new Set<T>()).add(value));

  /**
   * One recalculation serves every transition that asked while the previous one ran: a busy
   * kitchen asks dozens of times a second, and each run simulates the whole kitchen anyway.
   * Each caller still gets an answer computed after its own transition committed (Coalescer).
   */
  const runs = new Coalescer<string, EtaRun>(async (tenantId) => {
    const asked = [...(lateAsks.get(tenantId) ?? [])];
    lateAsks.delete(tenantId);
    if (asked.length > 0) ask(reasons, tenantId, 'late-check');
    const reason = [...(reasons.get(tenantId) ?? ['recalculate'])].sort().join(',');
    reasons.delete(tenantId);
    const { run, announce, lateEvents } = await underKitchenLock(deps, tenantId, async (tx) => {
      // Read through the pool, not the transaction: its queries then run side by side (the lock is what orders the runs).
      const state = await loader.load(deps.prisma, tenantId, clock().getTime());
      const { result, verdicts, lateEvents } = await flagLateItems(tx, tenantId, state, asked);
      return { run: { state, result, verdicts }, lateEvents, announce: await storeEtas(tx, tenantId, state, result, reason) };
    });
    // Handed to the publisher, which sends them in this order, without waiting for PostgreSQL to take
    // them: like every real-time event, delivery is best effort (the stored ETAs are the truth, and
    // boards re-read them on reconnect), and the run's callers need not wait one more round trip.
    const room = deps.events.toTenant(tenantId);
    for (const event of lateEvents) deps.events.track(room.emit('order:updated', event));
    deps.events.track(emitEtas(deps, tenantId, announce));
    finished++;
    return run;
  }, ETA_MIN_SPACING_MS);

  const request: EtaRuns['request'] = (tenantId, reason) => {
    ask(reasons, tenantId, reason);
    return runs.request(tenantId);
  };
  return {
    request,
    requestLateCheck(tenantId, orderItemId) {
      ask(lateAsks, tenantId, orderItemId);
      return runs.request(tenantId);
    },
    after(tenantId, reason) {
      deps.events.track(
        request(tenantId, reason).catch((err: unknown) => {
          log.error({ err, tenantId, reason }, 'recalculation failed');
        }),
      );
    },
    cachedTenants: () => loader.cachedTenants(),
    finishedRuns: () => finished,
  };
}

/** Predicted ready times from simulating the whole kitchen forward from its current state (the process's `runs`). */
export function createEtaActivities(deps: ActivityDeps, runs: EtaRuns) {
  const { clock } = deps;

  const recalculateEta: KitchenActivities['recalculateEta'] = async ({ tenantId, orderItemId, reason }) => {
    const { state, result } = await runs.request(tenantId, reason);
    return { itemEta: orderItemId ? lateCheckAt(state, result, orderItemId) : null };
  };

  const checkItemLate: KitchenActivities['checkItemLate'] = async ({ tenantId, orderItemId }) => {
    // Most timers find the item on time or finished: answer those without a run.
    const [item] = await readLateFacts(deps.prisma, tenantId, [orderItemId]);
    if (!item) fail('ITEM_NOT_FOUND', `Order item ${orderItemId} not found`);
    const settled = settledVerdict(item, clock().getTime());
    if (settled) return settled;
    const verdict = (await runs.requestLateCheck(tenantId, orderItemId)).verdicts.get(orderItemId);
    if (verdict === 'missing') fail('ITEM_NOT_FOUND', `Order item ${orderItemId} not found`);
    if (!verdict) throw new Error(`ETA run did not decide on item ${orderItemId}; retrying`);
    return verdict;
  };

  return { recalculateEta, checkItemLate };
}
