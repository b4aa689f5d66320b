/**
 * Records real histories of the kitchen workflows into workflows/__histories__/, for the replay
 * test (workflows/replay.test.ts) that guards workflow code changes. Starts its own throwaway
 * PostgreSQL and Temporal dev server (test/support/infra.ts) and drives orders through the real
 * worker and activities: delivered (pacing, urgent raise, recall), cancelled (inventory
 * compensation), late (the ETA timer), counter-fired (createOrder's plan and first ticket,
 * a start tapped at once), undo-start (a start taken back) and repaced (a waiting item's fire
 * time moved by its order as the anchor runs early). Takes about a minute.
 *
 *   npx tsx scripts/record-histories.ts                  # every scenario
 *   npx tsx scripts/record-histories.ts counter-fired    # only the named ones
 *
 * Re-record only on purpose: an old history that no longer replays means running workflows
 * would break on deploy; guard such changes with patched() instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startTestInfra } from '../test/support/infra';
import { createCounterFire } from '../core/kitchen/counter-fire';
import { createEventPublisher } from '../events/event-publisher';
import { createLearnedDurationsCache } from '../core/kitchen-read/learned-durations';
import { cancelOrder, handOffOrder, startOrderWorkflow, updateOrderPriority } from '../temporal/kitchen-client';
import { itemWorkflowId } from '../workflows/item-workflow';
import { handOverUpdate, markOrderDeliveredUpdate, markOrderDeliveringUpdate, orderWorkflowId } from '../workflows/order-workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { createKitchen, deleteKitchens, placeOrder, type Kitchen } from '../test/support/kitchen-fixture';
import { kitchenDriver } from '../test/support/kitchen-driver';
import { HISTORIES_DIR, writeHistory } from '../test/support/history-files';
import { startKitchenHarness, type KitchenHarness } from '../test/support/kitchen-harness';

async function main(): Promise<void> {
  const infra = await startTestInfra((m) => console.log(m));
  Object.assign(process.env, infra.env);
  const h = await startKitchenHarness('record-histories');
  const kitchen = await createKitchen(h.prisma);
  const k = kitchenDriver(h, kitchen);
  try {
    fs.mkdirSync(HISTORIES_DIR, { recursive: true });
    const scenarios = {
      delivered: recordDelivered,
      cancelled: recordCancelled,
      late: recordLate,
      'counter-fired': recordCounterFired,
      'undo-start': recordUndoStart,
      'delivery-failed': recordDeliveryFailed,
      repaced: recordRepaced,
    };
    const wanted = process.argv.slice(2);
    for (const [name, record] of Object.entries(scenarios)) if (wanted.length === 0 || wanted.includes(name)) await record(h, k, kitchen);
  } finally {
    await h.terminateLeftovers();
    await deleteKitchens(h.prisma, [kitchen]);
    await h.stop();
    await infra.stop();
  }
}

type Driver = ReturnType<typeof kitchenDriver>;

/** Pizza and salad paced apart, made urgent (the salad fires), a recall, then out for delivery. */
async function recordDelivered(h: KitchenHarness, k: Driver): Promise<void> {
  const {
    orderId,
    itemIds: [pizza, salad],
  } = await k.order([{ dish: 'pizza' }, { dish: 'salad' }]);
  await k.untilItem(salad, (s) => s.phase === 'WAITING', 'salad waiting');
  await expectOk(updateOrderPriority(h.client, { orderId, priority: 2 }));
  await k.cook(pizza, 'dough');
  await k.ok(pizza, 'recallTask', {});
  await k.ok(pizza, 'completeTask', { taskId: (await k.task(pizza, 'dough')).id });
  await k.cook(pizza, 'topping');
  await k.cook(pizza, 'bake');
  await k.cook(salad, 'toss');
  await k.untilOrder(orderId, (s) => s.status === 'READY', 'READY');
  await legacyUpdate(h, orderId, markOrderDeliveringUpdate);
  await legacyUpdate(h, orderId, markOrderDeliveredUpdate);
  await save(h, 'delivered', orderId, { pizza, salad });
}

/** A start taken back at once (UNDO_START_PATCH), started again and cooked; handed over. */
async function recordUndoStart(h: KitchenHarness, k: Driver): Promise<void> {
  const {
    orderId,
    itemIds: [pizza],
  } = await k.order([{ dish: 'pizza' }], { priority: 2 });
  const dough = await k.untilItem(pizza, (s) => s.tasks[0].status === 'QUEUED', 'dough queued').then((s) => s.tasks[0]);
  await k.ok(pizza, 'startTask', { taskId: dough.id });
  await k.ok(pizza, 'undoStartTask', { taskId: dough.id });
  await k.cook(pizza, 'dough');
  await k.cook(pizza, 'topping');
  await k.cook(pizza, 'bake');
  await k.untilOrder(orderId, (s) => s.status === 'READY', 'READY');
  await expectOk(handOffOrder(h.client, { orderId, to: 'PICKED_UP' }));
  await save(h, 'undo-start', orderId, { pizza });
}

/** An urgent pizza cancelled after its dough was made: open tasks cancelled, inventory returned. */
async function recordCancelled(h: KitchenHarness, k: Driver): Promise<void> {
  const {
    orderId,
    itemIds: [pizza],
  } = await k.order([{ dish: 'pizza' }], { priority: 2 });
  await k.cook(pizza, 'dough');
  await expectOk(cancelOrder(h.client, { orderId, reason: 'customer hung up' }));
  await save(h, 'cancelled', orderId, { pizza });
}

/** An espresso nobody pulls until its ETA timer marks it late; then made and handed over. */
async function recordLate(h: KitchenHarness, k: Driver): Promise<void> {
  const {
    orderId,
    itemIds: [espresso],
  } = await k.order([{ dish: 'espresso' }]);
  await k.untilItem(espresso, (s) => s.late, 'espresso late', 30_000);
  await k.cook(espresso, 'pull');
  await k.untilOrder(orderId, (s) => s.status === 'READY', 'READY');
  await legacyUpdate(h, orderId, handOverUpdate);
  await save(h, 'late', orderId, { espresso });
}

/** As createOrder runs it: planned and fired at the counter, started at once, made urgent (the salad fires), cooked, handed over. */
async function recordCounterFired(h: KitchenHarness, k: Driver, kitchen: Kitchen): Promise<void> {
  const events = createEventPublisher({ databaseUrl: h.databaseUrl });
  try {
    const counter = createCounterFire({ prisma: h.prisma, events, clock: () => new Date(), learned: createLearnedDurationsCache() });
    const {
      orderId,
      itemIds: [pizza, salad],
    } = await placeOrder(h.prisma, kitchen, [{ dish: 'pizza' }, { dish: 'salad' }]);
    const plan = await counter.plan({ tenantId: kitchen.tenantId, orderId });
    await startOrderWorkflow(h.client, { tenantId: kitchen.tenantId, orderId, taskQueue: h.taskQueue, plan });
    await counter.fire(plan);
    const dough = (await k.rows(pizza)).dough;
    await expectOk(k.kds(pizza, 'startTask', { taskId: dough.id }));
    await expectOk(updateOrderPriority(h.client, { orderId, priority: 2 }));
    for (const sub of (await k.task(pizza, 'dough')).subtasks.filter((s) => !s.optional))
      await k.ok(pizza, 'completeSubtask', { taskId: dough.id, subtaskId: sub.id });
    await k.ok(pizza, 'completeTask', { taskId: dough.id });
    await k.cook(pizza, 'topping');
    await k.cook(pizza, 'bake');
    await k.cook(salad, 'toss');
    await k.untilOrder(orderId, (s) => s.status === 'READY', 'READY');
    await legacyUpdate(h, orderId, handOverUpdate);
    await save(h, 'counter-fired', orderId, { pizza, salad });
  } finally {
    await events.close();
  }
}

/** A salad cooked, given to a rider, and not delivered: the hand-off update (after the first three). */
async function recordDeliveryFailed(h: KitchenHarness, k: Driver): Promise<void> {
  const {
    orderId,
    itemIds: [salad],
  } = await k.order([{ dish: 'salad' }]);
  await k.cook(salad, 'toss');
  await k.untilOrder(orderId, (s) => s.status === 'READY', 'READY');
  await expectOk(handOffOrder(h.client, { orderId, to: 'OUT_FOR_DELIVERY' }));
  await expectOk(handOffOrder(h.client, { orderId, to: 'DELIVERY_FAILED', reason: 'nobody at the door' }));
  await save(h, 'delivery-failed', orderId, { salad });
}

/** Pizza cooked at once: the waiting salad is re-paced earlier on each bump and fires when the pizza is done; handed over. */
async function recordRepaced(h: KitchenHarness, k: Driver): Promise<void> {
  const {
    orderId,
    itemIds: [pizza, salad],
  } = await k.order([{ dish: 'pizza' }, { dish: 'salad' }]);
  const planned = await k.untilItem(salad, (s) => s.phase === 'WAITING' && s.fireAt !== null, 'salad waiting').then((s) => Date.parse(s.fireAt!));
  await k.cook(pizza, 'dough');
  await k.untilItem(salad, (s) => s.phase === 'WAITING' && Date.parse(s.fireAt!) < planned - 60_000, 'salad re-paced earlier');
  await k.cook(pizza, 'topping');
  await k.cook(pizza, 'bake');
  await k.cook(salad, 'toss');
  await k.untilOrder(orderId, (s) => s.status === 'READY', 'READY');
  await expectOk(handOffOrder(h.client, { orderId, to: 'PICKED_UP' }));
  await save(h, 'repaced', orderId, { pizza, salad });
}

/** The first hand-off updates (markOrderDelivering, markOrderDelivered, handOver), as the older histories used them. */
async function legacyUpdate(h: KitchenHarness, orderId: string, def: UpdateDefinition<unknown, []>): Promise<void> {
  await h.client.workflow.getHandle(orderWorkflowId(orderId)).executeUpdate(def);
}

async function save(h: KitchenHarness, scenario: string, orderId: string, items: Record<string, string>): Promise<void> {
  const runs = { order: orderWorkflowId(orderId), ...Object.fromEntries(Object.entries(items).map(([name, id]) => [`item-${name}`, itemWorkflowId(id)])) };
  await h.client.workflow.getHandle(orderWorkflowId(orderId)).result();
  for (const [name, workflowId] of Object.entries(runs)) {
    const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
    const file = path.join(HISTORIES_DIR, `${scenario}-${name}.json`);
    writeHistory(file, workflowId, history);
    console.log(`recorded ${path.relative(process.cwd(), file)} (${history.events?.length} events)`);
  }
}

async function expectOk(result: Promise<{ ok: boolean; message?: string }>): Promise<void> {
  const r = await result;
  if (!r.ok) throw new Error(`unexpected rejection: ${r.message}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
