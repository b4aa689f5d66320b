import { log, patched, proxyActivities } from '@temporalio/workflow';
import type { KitchenActivities } from '../../contracts/kitchen-activities';
import { ETA_RECALC, KITCHEN_WRITE } from '../support/activity-profiles';
import type { ItemIdentity } from './lifecycle';
import type { ItemModel } from './model';

const eta = proxyActivities<KitchenActivities>(ETA_RECALC);
const writes = proxyActivities<KitchenActivities>(KITCHEN_WRITE);

/**
 * The late check fires this long after the ETA: checkItemLate tolerates 5 s of clock skew
 * between worker and database (core/eta/eta-runs.ts LATE_TOLERANCE_MS), so a timer right at
 * the ETA would be told "not late yet".
 */
export const LATE_GRACE_MS = 6_000;
/** When a check leaves the ETA in the past (no newer prediction), the next check waits this long. */
export const LATE_RECHECK_MS = 60_000;
/** A task no station can take right now is offered again this often. */
export const BLOCKED_RETRY_MS = 60_000;
/**
 * Items that started before ETA recalculation ran beside the main loop replay the old way:
 * the loop waited for each recalculation, which put it on the path to the next fire or finish.
 */
export const BACKGROUND_ETA_PATCH = 'eta-refresh-beside-the-main-loop';
/**
 * The transitions' own activities ask for an ETA run once they commit (core/eta/eta-runs.ts
 * `after`), so the item no longer schedules a `recalculateEta` activity after each of them:
 * it asks only when it needs its late-check deadline. Items from before replay the old way.
 */
export const TRANSITIONS_ASK_ETA_PATCH = 'eta-asked-by-transition-activities';

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
    const at = Date.parse(m.eta) + LATE_GRACE_MS;
    // An answer that did not move the ETA past the last check would otherwise re-fire at once.
    return this.lastLateCheckAt !== null && at <= this.lastLateCheckAt ? this.lastLateCheckAt + LATE_RECHECK_MS : at;
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
    const candidates = [m.phase === 'WAITING' && m.fireAt !== null ? Date.parse(m.fireAt) : null, this.lateCheckAt(), this.blockedRetryAt].filter(
      (t): t is number => t !== null,
    );
    if (candidates.length === 0) return undefined;
    return Math.max(1, Math.min(...candidates) - now);
  }

  private etaInFlight: Promise<void> | null = null;

  /**
   * Starts an ETA recalculation after a transition, without waiting for it: the kitchen flow
   * (fire, finish) must not queue behind the simulation. One at a time per item; transitions
   * meanwhile leave their reason in the model and the next one starts when this one lands.
   */
  async refreshEta(): Promise<void> {
    if (!patched(BACKGROUND_ETA_PATCH)) return this.recalculate();
    if (this.etaInFlight || !this.model.etaReason) return;
    if (this.runAskedElsewhere()) return;
    this.etaInFlight = this.recalculate().finally(() => {
      this.etaInFlight = null;
      this.model.changed(); // wake the loop: a reason may have been left meanwhile
    });
  }

  /** Waits for the recalculation in flight, then runs the last one asked for (at the end, before continue-as-new). */
  async settleEta(): Promise<void> {
    while (this.etaInFlight) await this.etaInFlight;
    if (this.model.etaReason && this.runAskedElsewhere()) return;
    await this.recalculate();
  }

  /**
   * True (and the reason is dropped) when the transition's own activity already asked for the run
   * and the item has a deadline. It still asks itself when it has none yet (just loaded, or no
   * station could take a task), and when its priority changed (a signal: no activity of its own
   * ran, and the deadline moves). Otherwise its deadline follows the runs when its late-check
   * timer fires: checkItemLate answers with the stored one, as for every other item's transitions.
   */
  private runAskedElsewhere(): boolean {
    if (!patched(TRANSITIONS_ASK_ETA_PATCH)) return false;
    if (this.model.eta === null || this.model.etaReason === 'priority-changed') return false;
    this.model.etaReason = null;
    return true;
  }

  /** Recomputes ETAs; a failure only logs, the next transition retries. */
  private async recalculate(): Promise<void> {
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
