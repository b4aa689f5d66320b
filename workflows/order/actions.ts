import {
  ApplicationFailure,
  condition,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  startChild,
  type ChildWorkflowHandle,
  type SignalDefinition,
} from '@temporalio/workflow';
import type { KitchenActivities } from '../../contracts/kitchen-activities';
import type { OrderForecast } from '../../contracts/kitchen-activities';
import { planOrderFireTimes, replanFireTimes } from '../../domain/eta/pacing';
import { cancelItemSignal, itemWorkflow, itemWorkflowId, raisePrioritySignal, repaceItemSignal } from '../item-workflow';
import { KITCHEN_WORKFLOW_TASK_TIMEOUT, KITCHEN_WRITE, LOCAL_WRITE } from '../support/activity-profiles';
import type { Mutex } from 'async-mutex';
import { checkCancelOrder, checkHandOff, checkOrderPriority, type OrderModel, type OrderStatus } from './model';

const writes = proxyActivities<KitchenActivities>(KITCHEN_WRITE);
const localWrites = proxyLocalActivities<KitchenActivities>(LOCAL_WRITE);
/** Order status writes moved from regular to local activities (one round trip less on the way to READY). */
export const LOCAL_ORDER_STATUS_PATCH = 'order-status-as-local-activity';

/** The order's state changes, each under the mutex; children are told by signal (they cannot get updates). */
export class OrderActions {
  private children = new Map<string, ChildWorkflowHandle<typeof itemWorkflow>>();

  constructor(
    private readonly tenantId: string,
    private readonly model: OrderModel,
    private readonly mutex: Mutex,
  ) {}

  /** Paces the items (they finish together unless urgent) and starts one item workflow each. */
  async startItems(): Promise<void> {
    const waiting = [...this.model.items.values()].filter((i) => i.status === 'WAITING' || i.status === 'STARTED');
    const now = Date.now();
    const fireTimes = planOrderFireTimes({ priority: this.model.priority, requestedAt: this.model.requestedAt, items: waiting }, now);
    await Promise.all(
      waiting.map(async (item) => {
        // Planned at the counter (createOrder already queued the fired items' first tasks): keep that plan.
        item.fireAt ??= new Date(fireTimes[item.orderItemId] ?? now).toISOString();
        const handle = await startChild(itemWorkflow, {
          workflowId: itemWorkflowId(item.orderItemId),
          workflowTaskTimeout: KITCHEN_WORKFLOW_TASK_TIMEOUT,
          args: [{ tenantId: this.tenantId, orderId: this.model.orderId, orderItemId: item.orderItemId, fireAt: item.fireAt, priority: this.model.priority }],
        });
        this.children.set(item.orderItemId, handle);
        void handle
          .result()
          .then(
            (result) => (item.status = result.status),
            (err) => {
              log.error('Item workflow failed', { orderItemId: item.orderItemId, error: String(err) });
              item.status = 'FAILED';
            },
          )
          .finally(() => this.model.changed());
      }),
    );
    this.model.loaded = true;
    this.model.changed();
  }

  itemStarted(orderItemId: string): void {
    const item = this.model.items.get(orderItemId);
    if (item?.status !== 'WAITING') return;
    item.status = 'STARTED';
    this.model.repaceAsked = true;
    this.model.changed();
  }

  /** A task of the item was completed: the anchor may be running early or late. */
  itemProgress(orderItemId: string): void {
    if (!this.model.items.has(orderItemId)) return;
    this.model.repaceAsked = true;
    this.model.changed();
  }

  /**
   * Re-paces the items still waiting for their fire time from the forecast (domain/eta/pacing.ts
   * replanFireTimes) and tells each moved item its new fire time: the decision is this workflow's,
   * recorded in its history with the signals that carry it.
   */
  repace(forecast: OrderForecast): Promise<void> {
    return this.mutex.runExclusive(async () => {
      if (!this.model.inKitchen) return;
      const at = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);
      const byId = new Map(forecast.items.map((f) => [f.orderItemId, f]));
      const moves = replanFireTimes({
        now: Date.now(),
        priority: this.model.priority,
        forecastAt: Date.parse(forecast.at),
        items: [...this.model.items.values()].map((i) => ({
          orderItemId: i.orderItemId,
          status: i.status,
          fireAt: at(i.fireAt),
          criticalPathMs: i.criticalPathMinutes * 60_000,
          forecastReadyAt: at(byId.get(i.orderItemId)?.readyAt),
          forecastFireAt: at(byId.get(i.orderItemId)?.plannedStartAt),
        })),
      });
      const moved = Object.entries(moves).map(([orderItemId, ms]) => ({ orderItemId, fireAt: new Date(ms).toISOString() }));
      if (moved.length === 0) return;
      for (const { orderItemId, fireAt } of moved) this.model.items.get(orderItemId)!.fireAt = fireAt;
      this.model.repaces += moved.length;
      this.model.changed();
      await Promise.all(moved.map(({ orderItemId, fireAt }) => this.signal(orderItemId, repaceItemSignal, { fireAt })));
    });
  }

  /** Ahead of the child's result: the item is DONE or CANCELLED and only tidies up now. */
  itemSettled(orderItemId: string, status: 'DONE' | 'CANCELLED'): void {
    const item = this.model.items.get(orderItemId);
    if (!item || (item.status !== 'WAITING' && item.status !== 'STARTED')) return;
    item.status = status;
    this.model.repaceAsked = true;
    this.model.changed();
  }

  markPreparing(): Promise<void> {
    return this.mutex.runExclusive(async () => {
      if (this.model.status === 'NEW') await this.setStatus('PREPARING');
    });
  }

  /** Every item settled: READY, or CANCELLED when nothing was made. */
  settle(): Promise<void> {
    return this.mutex.runExclusive(async () => {
      if (!this.model.inKitchen) return;
      const items = [...this.model.items.values()];
      const failed = items.filter((i) => i.status === 'FAILED').map((i) => i.orderItemId);
      if (failed.length > 0) throw ApplicationFailure.nonRetryable(`Item workflows failed: ${failed.join(', ')}`, 'ITEM_WORKFLOW_FAILED');
      if (items.every((i) => i.status === 'CANCELLED')) await this.setStatus('CANCELLED', 'every item was cancelled');
      else await this.setStatus('READY');
    });
  }

  async cancel(reason: string): Promise<void> {
    await condition(() => this.model.loaded);
    await this.mutex.runExclusive(async () => {
      checkCancelOrder(this.model);
      this.model.cancelReason = reason;
      // Set first so the main loop cannot turn the order READY while the items wind down.
      this.model.setStatus('CANCELLED', Date.now());
      await Promise.all(this.model.unsettled().map((i) => this.signal(i.orderItemId, cancelItemSignal, { reason })));
      await condition(() => this.model.unsettled().length === 0);
      await this.writeStatus('CANCELLED', reason);
    });
  }

  setPriority(priority: number): Promise<void> {
    return this.mutex.runExclusive(async () => {
      checkOrderPriority(this.model, priority);
      this.model.priority = priority;
      this.model.changed();
      // Urgent fires everything now; otherwise the paced fire times stay (the queues use the priority).
      const fireAt = priority >= 2 ? new Date(Date.now()).toISOString() : undefined;
      await Promise.all(this.model.unsettled().map((i) => this.signal(i.orderItemId, raisePrioritySignal, { priority, fireAt })));
    });
  }

  /** After READY; `reason` says why a delivery failed. */
  handOff(to: unknown, reason?: string): Promise<void> {
    return this.mutex.runExclusive(async () => {
      await this.setStatus(checkHandOff(this.model, to), reason);
    });
  }

  private async setStatus(status: OrderStatus, reason?: string): Promise<void> {
    await this.writeStatus(status, reason);
    this.model.setStatus(status, Date.now());
  }

  private async writeStatus(status: OrderStatus, reason?: string): Promise<void> {
    const write = patched(LOCAL_ORDER_STATUS_PATCH) ? localWrites : writes;
    await write.setOrderStatus({ tenantId: this.tenantId, orderId: this.model.orderId, status, reason });
  }

  /** Every item workflow this run started has closed, whatever its outcome. */
  async itemsClosed(): Promise<void> {
    await Promise.allSettled([...this.children.values()].map((child) => child.result()));
  }

  /** A child that already finished cannot be signalled; that is fine, it settled on its own. */
  private async signal<A extends unknown[]>(orderItemId: string, def: SignalDefinition<A>, ...args: A): Promise<void> {
    const child = this.children.get(orderItemId);
    if (!child) return;
    try {
      await child.signal(def, ...args);
    } catch (err) {
      log.info('Item did not take the signal (already finished?)', { orderItemId, signal: def.name, error: String(err) });
    }
  }
}
