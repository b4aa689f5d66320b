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
import { planOrderFireTimes } from '../../domain/eta/pacing';
import { cancelItemSignal, itemWorkflow, itemWorkflowId, raisePrioritySignal } from '../item-workflow';
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
    this.model.changed();
  }

  /** Ahead of the child's result: the item is DONE or CANCELLED and only tidies up now. */
  itemSettled(orderItemId: string, status: 'DONE' | 'CANCELLED'): void {
    const item = this.model.items.get(orderItemId);
    if (!item || (item.status !== 'WAITING' && item.status !== 'STARTED')) return;
    item.status = status;
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
