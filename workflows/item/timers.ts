import { log, proxyActivities } from '@temporalio/workflow';
import type { KitchenActivities } from '../../activities/contract';
import { ETA_RECALC, KITCHEN_WRITE } from '../support/activity-profiles';
import type { ItemIdentity } from './actions';
import type { ItemModel } from './model';

const eta = proxyActivities<KitchenActivities>(ETA_RECALC);
const writes = proxyActivities<KitchenActivities>(KITCHEN_WRITE);

/** An item still unfinished at an ETA already checked is re-checked no sooner than this. */
export const LATE_RECHECK_MS = 60_000;
/** A task no station can take right now is offered again this often. */
export const BLOCKED_RETRY_MS = 60_000;

/**
 * The item's durable timers, all derived from state so they replay and survive restarts:
 * the paced fire time, the ETA (late check) and the retry of blocked tasks. The main loop
 * sleeps until the earliest one, or until the state changes and it must re-arm.
 */
export class ItemTimers {
  private lastLateCheckAt: number | null = null;
  private blockedRetryAt: number | null = null;

  constructor(
    private readonly id: ItemIdentity,
    private readonly model: ItemModel,
  ) {}

  fireDue(now: number): boolean {
    const m = this.model;
    return m.phase === 'WAITING' && (m.priority >= 2 || m.fireAt === null || Date.parse(m.fireAt) <= now);
  }

  lateCheckAt(): number | null {
    const m = this.model;
    if (m.phase === 'LOADING' || m.closed || m.eta === null) return null;
    const at = Date.parse(m.eta);
    return this.lastLateCheckAt === null ? at : Math.max(at, this.lastLateCheckAt + LATE_RECHECK_MS);
  }

  blockedRetryDue(now: number): boolean {
    const blocked = [...this.model.tasks.values()].some((t) => t.status === 'BLOCKED');
    if (!blocked) this.blockedRetryAt = null;
    else this.blockedRetryAt ??= now + BLOCKED_RETRY_MS;
    return this.blockedRetryAt !== null && this.blockedRetryAt <= now;
  }

  markBlockedRetried(): void {
    this.blockedRetryAt = null;
  }

  /** Milliseconds until the earliest timer, or undefined when nothing is scheduled. */
  sleepMs(now: number): number | undefined {
    const m = this.model;
    const candidates = [
      m.phase === 'WAITING' && m.fireAt !== null ? Date.parse(m.fireAt) : null,
      this.lateCheckAt(),
      this.blockedRetryAt,
    ].filter((t): t is number => t !== null);
    if (candidates.length === 0) return undefined;
    return Math.max(1, Math.min(...candidates) - now);
  }

  /** Recomputes ETAs after a transition; a failure only logs, the next transition retries. */
  async refreshEta(): Promise<void> {
    const reason = this.model.etaReason;
    if (!reason) return;
    this.model.etaReason = null;
    try {
      const { itemEta } = await eta.recalculateEta({ tenantId: this.id.tenantId, orderItemId: this.id.orderItemId, reason });
      this.setEta(itemEta);
    } catch (err) {
      log.warn('ETA recalculation failed', { orderItemId: this.id.orderItemId, reason, error: String(err) });
    }
  }

  /** The ETA passed with the item unfinished: let the ETA module decide and re-arm at its answer. */
  async checkLate(now: number): Promise<void> {
    this.lastLateCheckAt = now;
    const { late, eta: next } = await writes.checkItemLate({ tenantId: this.id.tenantId, orderItemId: this.id.orderItemId });
    if (late) this.model.late = true;
    this.setEta(next);
  }

  private setEta(next: string | null): void {
    if (next === this.model.eta) return;
    this.model.eta = next;
    this.model.changed();
  }
}
