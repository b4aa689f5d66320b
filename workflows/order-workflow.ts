import {
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineUpdate,
  patched,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { KitchenActivities, OrderPlan } from '../contracts/kitchen-activities';
import type { HandOffStatus } from '../domain/kitchen/hand-off';
import { itemProgressSignal, itemSettledSignal, itemStartedSignal } from './item-workflow';
import { OrderActions } from './order/actions';
import { OrderRepacer, REPACE_PATCH } from './order/repace';
import { checkCancelOrder, checkHandOff, checkOrderPriority, OrderModel, type OrderCarryOver, type OrderStateView, type OrderStatus } from './order/model';
import { LOCAL_WRITE } from './support/activity-profiles';
import { Mutex } from 'async-mutex';

export type { OrderStateView, OrderStatus } from './order/model';

export interface OrderWorkflowInput {
  tenantId: string;
  orderId: string;
  /** The plan made at the counter by createOrder (absent when started any other way): no loadOrderPlan then. */
  plan?: OrderPlan;
  /** Set only by continue-as-new (after every item settled). */
  carry?: OrderCarryOver;
}

/**
 * The order ends only once its item workflows have: an item tells the order it settled and then
 * tidies up (its last ETA run), and a parent that closed first terminated it midway (cancelling
 * an order, or delivering it, right after its items settled). Orders from before end at once.
 */
export const ORDER_WAITS_FOR_ITEMS_PATCH = 'order-ends-after-its-items';

export interface OrderWorkflowResult {
  orderId: string;
  status: OrderStatus;
}

/** Nobody handed the order off this long after its last status: stop waiting. */
export const DELIVERY_WAIT_MS = 12 * 60 * 60 * 1000;

export const orderWorkflowId = (orderId: string): string => `order-${orderId}`;

export const cancelOrderUpdate = defineUpdate<OrderStateView, [{ reason: string }]>('cancelOrder');
export const updatePriorityUpdate = defineUpdate<OrderStateView, [{ priority: number }]>('updatePriority');
/** After READY: picked up, served, out with a rider, then delivered or failed (`reason`). */
export const handOffUpdate = defineUpdate<OrderStateView, [{ to: HandOffStatus; reason?: string }]>('handOff');
// The first hand-off updates, kept so the runs that used them replay: out, delivered, collected.
export const markOrderDeliveringUpdate = defineUpdate<OrderStateView, []>('markOrderDelivering');
export const markOrderDeliveredUpdate = defineUpdate<OrderStateView, []>('markOrderDelivered');
export const handOverUpdate = defineUpdate<OrderStateView, []>('handOver');
export const orderStateQuery = defineQuery<OrderStateView>('orderState');

const { loadOrderPlan } = proxyLocalActivities<KitchenActivities>(LOCAL_WRITE);

export async function orderWorkflow(input: OrderWorkflowInput): Promise<OrderWorkflowResult> {
  const model = new OrderModel(input.orderId);
  // Handlers run beside the main loop; they change the order one at a time.
  const mutex = new Mutex();
  const actions = new OrderActions(input.tenantId, model, mutex);
  registerHandlers(model, actions);
  // Fire times follow the kitchen's live progress (order/repace.ts); orders from before keep their plan.
  const repacer = patched(REPACE_PATCH) ? new OrderRepacer(input.tenantId, model) : null;

  if (input.carry) model.restore(input.carry);
  else {
    model.load(input.plan ?? (await loadOrderPlan({ tenantId: input.tenantId, orderId: input.orderId })), Date.now());
    if (model.inKitchen) await actions.startItems();
    else model.loaded = true;
  }

  // In the kitchen: NEW → PREPARING on the first started task, READY once every item settled.
  while (model.inKitchen) {
    if (model.status === 'NEW' && model.anyStarted()) await actions.markPreparing();
    else if (model.settled()) await actions.settle();
    else if (repacer?.due(Date.now())) {
      const forecast = await repacer.forecast();
      if (forecast) await actions.repace(forecast);
    } else {
      const seen = model.version;
      const wake = repacer?.sleepMs(Date.now());
      if (wake === undefined) await condition(() => model.version !== seen);
      else await condition(() => model.version !== seen, wake);
    }
  }

  // Out of the kitchen: wait for the hand-off (and a delivery's outcome), but not forever.
  while (model.awaitingHandOff) {
    if (workflowInfo().continueAsNewSuggested) {
      await condition(() => allHandlersFinished() && !mutex.isLocked());
      return await continueAsNew<typeof orderWorkflow>({ tenantId: input.tenantId, orderId: input.orderId, carry: model.carryOver() });
    }
    const seen = model.version;
    const left = model.lastStatusAt + DELIVERY_WAIT_MS - Date.now();
    if (left <= 0 || !(await condition(() => model.version !== seen, left))) break;
  }
  if (patched(ORDER_WAITS_FOR_ITEMS_PATCH)) await actions.itemsClosed();
  await condition(allHandlersFinished);
  return { orderId: input.orderId, status: model.status };
}

function registerHandlers(model: OrderModel, actions: OrderActions): void {
  const withView = (run: () => Promise<void>) => run().then(() => model.view());
  setHandler(cancelOrderUpdate, ({ reason }) => withView(() => actions.cancel(reason)), { validator: (_input) => checkCancelOrder(model) });
  setHandler(updatePriorityUpdate, ({ priority }) => withView(() => actions.setPriority(priority)), {
    validator: ({ priority }) => void checkOrderPriority(model, priority),
  });
  setHandler(handOffUpdate, ({ to, reason }) => withView(() => actions.handOff(to, reason)), { validator: ({ to }) => void checkHandOff(model, to) });
  const fixed = (to: HandOffStatus) => ({ validator: () => void checkHandOff(model, to) });
  setHandler(markOrderDeliveringUpdate, () => withView(() => actions.handOff('OUT_FOR_DELIVERY')), fixed('OUT_FOR_DELIVERY'));
  setHandler(markOrderDeliveredUpdate, () => withView(() => actions.handOff('DELIVERED')), fixed('DELIVERED'));
  setHandler(handOverUpdate, () => withView(() => actions.handOff('PICKED_UP')), fixed('PICKED_UP'));
  setHandler(itemStartedSignal, ({ orderItemId }) => actions.itemStarted(orderItemId));
  setHandler(itemSettledSignal, ({ orderItemId, status }) => actions.itemSettled(orderItemId, status));
  setHandler(itemProgressSignal, ({ orderItemId }) => actions.itemProgress(orderItemId));
  setHandler(orderStateQuery, () => model.view());
}
