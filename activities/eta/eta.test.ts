import type { Db } from '../../db/client';
import { nextEvent, recordEvents } from '../../test/support/socket-clients';
import type { WorkflowDefinition } from '../../domain/recipe';
import { createTestTenant, requireTestEnv, testPrisma, type TestTenant } from '../../test/support/db';
import { createEventPublisher } from '../../events/event-publisher';
import { createKitchenActivities } from '../index';
import { LEARNED_CACHE_MS } from '../../core/kitchen-read/learned-durations';
import { expectedDurationMs } from '../../domain/eta';
import { createMenuItem, createOrder, createRecipe, createStation, deleteTenants, singleTaskRecipe, unique } from '../../test/support/activity-fixtures';
import { startRealtime, type RealtimeHarness } from '../../test/support/activity-realtime';

const prisma: Db = testPrisma();
let rt: RealtimeHarness;
let tenant: TestTenant;
const T0 = new Date('2026-11-20T12:00:00Z').getTime();
const MIN = 60_000;
let now = T0;
let acts: ReturnType<typeof createKitchenActivities>;

beforeAll(async () => {
  tenant = await createTestTenant(prisma, { stations: [] });
  rt = await startRealtime(prisma, tenant);
  // These tests run each recalculation themselves, at the clock times they set (one test below turns transitions' own asks on).
  acts = createKitchenActivities({ prisma, events: rt.publisher, clock: () => new Date(now), etaAfterTransitions: false });
});

// The ETA covers the whole kitchen: each test closes its orders so the next one starts empty.
afterEach(async () => {
  await prisma.order.updateMany({ where: { tenantId: tenant.id }, data: { status: 'DELIVERED' } });
  now = T0;
});

afterAll(async () => {
  await rt?.close();
  if (tenant) await deleteTenants(prisma, [tenant.id]);
  await prisma.$disconnect(); // again: the cleanup above may run after the helper's own disconnect
});

async function recipeOf(definition: WorkflowDefinition) {
  const { template, version } = await createRecipe(prisma, tenant.id, definition);
  const menu = await createMenuItem(prisma, tenant.id, { templateId: template.id });
  return { template, version, menu };
}

async function orderOf(recipe: Awaited<ReturnType<typeof recipeOf>>, opts: { priority?: number } = {}) {
  const order = await createOrder(prisma, tenant.id, [{ menuItemId: recipe.menu.id, versionId: recipe.version.id }], opts);
  const item = order.items[0];
  const plan = await acts.materializeItemTasks({ tenantId: tenant.id, orderItemId: item.id, plannedStartAt: null });
  const ref = (i = 0) => ({ tenantId: tenant.id, orderId: order.id, orderItemId: item.id, taskId: plan.tasks[i].id, userId: null });
  return { order, item, plan, ref };
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('recalculateEta', () => {
  it('predicts from the station queue and capacity, stores item and order ETAs, and announces what moved', async () => {
    const type = unique('oven');
    await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [type] });
    const pizza = await recipeOf(singleTaskRecipe(type, 10));
    const a = await orderOf(pizza);
    const b = await orderOf(pizza);
    await acts.enqueueTask(a.ref());
    await acts.enqueueTask(b.ref());
    await acts.startTask(a.ref());
    now = T0 + 2 * MIN;

    const announced = nextEvent(rt.client, 'eta:recalculated', (p) => p.orderId === b.order.id);
    const { itemEta } = await acts.recalculateEta({ tenantId: tenant.id, orderItemId: a.item.id, reason: 'test' });

    // One oven: a runs 12:00–12:10, b waits for the slot and runs 12:10–12:20.
    expect(itemEta).toBe(iso(T0 + 10 * MIN));
    const eventB = await announced;
    expect(eventB.newEta).toBe(iso(T0 + 20 * MIN));
    expect(eventB.breakdown).toMatchObject({ reason: 'test', items: [{ orderItemId: b.item.id, readyAt: iso(T0 + 20 * MIN) }] });
    const orderB = await prisma.order.findUniqueOrThrow({ where: { id: b.order.id }, include: { items: true } });
    expect(orderB.estimatedReadyAt?.toISOString()).toBe(iso(T0 + 20 * MIN));
    expect(orderB.initialEstimatedReadyAt?.toISOString()).toBe(iso(T0 + 20 * MIN));
    expect(orderB.items[0].estimatedReadyAt?.toISOString()).toBe(iso(T0 + 20 * MIN));
    expect(orderB.etaBreakdown).toEqual(eventB.breakdown);

    // Ten seconds later nothing moved by 2.5 % of the time left: nothing is rewritten or announced.
    now += 10_000;
    const seen = recordEvents(rt.client);
    await acts.recalculateEta({ tenantId: tenant.id, reason: 'tick' });
    await rt.flush();
    expect(seen.filter((e) => e.event === 'eta:recalculated')).toEqual([]);
  });

  it("is asked for by a transition's own activity, which does not wait for it", async () => {
    // Its own publisher, whose close() waits for the runs the transitions asked for (their events reach the same client).
    const events = createEventPublisher({ databaseUrl: requireTestEnv('DATABASE_URL') });
    const wired = createKitchenActivities({ prisma, events, clock: () => new Date(now) });
    const type = unique('grill');
    await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [type] });
    const steak = await recipeOf(singleTaskRecipe(type, 10));
    const o = await orderOf(steak);
    const announced = nextEvent(rt.client, 'eta:recalculated', (p) => p.orderId === o.order.id);
    await wired.enqueueTask(o.ref());
    await wired.startTask(o.ref());
    await events.close();

    // One 10-minute task on a free grill, queued then started at T0, whichever run told it.
    expect((await announced).newEta).toBe(iso(T0 + 10 * MIN));
    const order = await prisma.order.findUniqueOrThrow({ where: { id: o.order.id } });
    expect(order.estimatedReadyAt?.toISOString()).toBe(iso(T0 + 10 * MIN));
    expect((order.etaBreakdown as { reason: string }).reason).toMatch(/task-(queued|started)/);
  });

  it('gives the same answer when many recalculations run at once', async () => {
    const type = unique('wok');
    await createStation(prisma, tenant.id, { capacity: 2, taskTypes: [type] });
    const noodles = await recipeOf(singleTaskRecipe(type, 6));
    const orders = await Promise.all([1, 2, 3, 4, 5].map(() => orderOf(noodles)));
    for (const o of orders) await acts.enqueueTask(o.ref());

    const results = await Promise.all(orders.map((o) => acts.recalculateEta({ tenantId: tenant.id, orderItemId: o.item.id, reason: 'burst' })));

    // Two woks, five six-minute dishes in queue order: 6, 6, 12, 12, 18 minutes.
    const expected = [6, 6, 12, 12, 18].map((m) => iso(T0 + m * MIN));
    expect(results.map((r) => r.itemEta).sort()).toEqual(expected);
    const stored = await prisma.order.findMany({ where: { id: { in: orders.map((o) => o.order.id) } } });
    expect(stored.map((o) => o.estimatedReadyAt?.toISOString()).sort()).toEqual(expected);
  });

  it('uses learned durations per recipe task and station, falling back to the recipe task anywhere', async () => {
    const type = unique('grill');
    const grill = await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [type] });
    const elsewhere = await createStation(prisma, tenant.id, { capacity: 1, taskTypes: ['not-' + type] });
    const steak = await recipeOf(singleTaskRecipe(type, 10));
    const history = (stationId: string, seconds: number) =>
      prisma.taskDuration.createMany({
        data: [1, 2, 3].map((i) => ({
          tenantId: tenant.id,
          workflowTemplateId: steak.template.id,
          taskDefId: 'cook',
          stationId,
          durationSeconds: seconds,
          quantity: 1,
          recordedAt: new Date(T0 - i * MIN),
        })),
      });
    const etaOfNew = async () => {
      const o = await orderOf(steak);
      await acts.enqueueTask(o.ref());
      const { itemEta } = await acts.recalculateEta({ tenantId: tenant.id, orderItemId: o.item.id, reason: 'test' });
      await prisma.order.update({ where: { id: o.order.id }, data: { status: 'DELIVERED' } });
      return Date.parse(itemEta!) - now;
    };

    expect(await etaOfNew()).toBe(10 * MIN);
    // History written by another worker: this one reuses its cached averages for LEARNED_CACHE_MS.
    await history(elsewhere.id, 4 * 60);
    expect(await etaOfNew()).toBe(10 * MIN);
    now += LEARNED_CACHE_MS + 1;
    expect(await etaOfNew()).toBe(4 * MIN);
    await history(grill.id, 6 * 60);
    now += LEARNED_CACHE_MS + 1;
    expect(await etaOfNew()).toBe(6 * MIN);
  });

  // Recipes of 0.2 minutes (12 s): a bump 5 s after the start (within the cache's window) is then a plausible cook.
  const QUICK = 0.2;
  const BUMP_S = LEARNED_CACHE_MS / 2000;
  const level = (value: number, samples = 1) => ({ value, samples, p10: value, p90: value });

  it('learns from a completion in this worker at once, without waiting for the cache to expire', async () => {
    const type = unique('fryer');
    await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [type] });
    const fries = await recipeOf(singleTaskRecipe(type, QUICK));
    const etaOfNew = async () => {
      const o = await orderOf(fries);
      await acts.enqueueTask(o.ref());
      const { itemEta } = await acts.recalculateEta({ tenantId: tenant.id, orderItemId: o.item.id, reason: 'test' });
      return { o, eta: Date.parse(itemEta!) - now };
    };
    const first = await etaOfNew();
    expect(first.eta).toBe(QUICK * MIN);
    await acts.startTask(first.o.ref());
    now += BUMP_S * 1000; // a quick one, within the cache window
    await acts.completeTask(first.o.ref());
    await prisma.order.update({ where: { id: first.o.order.id }, data: { status: 'DELIVERED' } });
    // One sample at this station (and so anywhere), blended with the estimate by how much one sample is trusted;
    // the station's pace follows when the cache expires.
    const learned = expectedDurationMs({ estimateMinutes: QUICK, quantity: 1, learned: { atStation: level(BUMP_S), anyStation: level(BUMP_S) } });
    expect(learned).toBeLessThan(QUICK * MIN);
    expect((await etaOfNew()).eta).toBe(learned);
  });

  it("re-reads only the completed task's recipe: the other recipes and the stations' paces stay cached until they expire", async () => {
    const type = unique('wok');
    const station = await createStation(prisma, tenant.id, { capacity: 2, taskTypes: [type] });
    const noodles = await recipeOf(singleTaskRecipe(type, QUICK));
    const rice = await recipeOf(singleTaskRecipe(type, QUICK));
    const etaOfNew = async (recipe: typeof noodles) => {
      const o = await orderOf(recipe);
      await acts.enqueueTask(o.ref());
      const { itemEta } = await acts.recalculateEta({ tenantId: tenant.id, orderItemId: o.item.id, reason: 'test' });
      return { o, eta: Date.parse(itemEta!) - now };
    };
    const cooked = await etaOfNew(noodles);
    expect((await etaOfNew(rice)).eta).toBe(QUICK * MIN); // both recipes' durations (none yet) are cached now
    // Rice history written by another worker: this one does not see it until its cache expires…
    await prisma.taskDuration.create({
      data: { tenantId: tenant.id, workflowTemplateId: rice.template.id, taskDefId: 'cook', stationId: station.id, durationSeconds: 8, quantity: 1 },
    });
    await acts.startTask(cooked.o.ref());
    now += BUMP_S * 1000; // a quick one, within the cache window
    await acts.completeTask(cooked.o.ref());
    // …a noodle completion in this worker re-reads the noodle durations at once, not the rice durations nor the paces.
    const learnedNoodles = expectedDurationMs({ estimateMinutes: QUICK, quantity: 1, learned: { atStation: level(BUMP_S), anyStation: level(BUMP_S) } });
    expect((await etaOfNew(noodles)).eta).toBe(learnedNoodles);
    await prisma.order.updateMany({ where: { tenantId: tenant.id }, data: { status: 'DELIVERED' } });
    expect((await etaOfNew(rice)).eta).toBe(QUICK * MIN);
    // Once the cache expires, rice (no history of its own) starts from the station's pace, which the noodles set.
    now += LEARNED_CACHE_MS + 1;
    const pace = level(BUMP_S / (QUICK * 60), 1);
    const riceRow = level(8, 1); // the other worker's rice duration, now read too
    expect((await etaOfNew(rice)).eta).toBe(
      expectedDurationMs({ estimateMinutes: QUICK, quantity: 1, learned: { atStation: riceRow, anyStation: riceRow, pace } }),
    );
  });
});

describe('checkItemLate', () => {
  const twoSteps = (type: string): WorkflowDefinition => ({
    phases: [
      {
        id: 'p',
        name: 'P',
        order: 1,
        tasks: [
          { id: 'fry', name: 'Fry', station_type: type, estimated_minutes: 5, depends_on: [], subtasks: [] },
          { id: 'plate', name: 'Plate', station_type: type, estimated_minutes: 2, depends_on: ['fry'], subtasks: [] },
        ],
      },
    ],
  });

  it('marks an item late only once it is past its ETA, raising the order and its tasks one level', async () => {
    const type = unique('fryer');
    await createStation(prisma, tenant.id, { capacity: 2, taskTypes: [type] });
    const fries = await recipeOf(twoSteps(type));
    const { order, item, ref } = await orderOf(fries);
    await acts.enqueueTask(ref(0));
    await acts.startTask(ref(0));
    const { itemEta } = await acts.recalculateEta({ tenantId: tenant.id, orderItemId: item.id, reason: 'test' });
    expect(itemEta).toBe(iso(T0 + 7 * MIN));

    now = T0 + 6 * MIN;
    expect(await acts.checkItemLate({ tenantId: tenant.id, orderItemId: item.id })).toEqual({ late: false, eta: itemEta });
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ isLate: false, priority: 0 });

    now = T0 + 9 * MIN;
    const announced = nextEvent(rt.client, 'order:updated', (p) => p.orderId === order.id && p.changes.isLate === true);
    const late = await acts.checkItemLate({ tenantId: tenant.id, orderItemId: item.id });
    expect(late.late).toBe(true);
    // Frying overran: it is expected to end shortly (10 % of its 5 minutes), then plating takes 2 minutes.
    expect(late.eta).toBe(iso(now + 30_000 + 2 * MIN));

    const row = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { items: true, tasks: true } });
    expect(row).toMatchObject({ isLate: true, priority: 1, delayMinutes: 5 });
    expect(row.items[0]).toMatchObject({ isLate: true });
    expect(row.items[0].estimatedReadyAt?.toISOString()).toBe(late.eta);
    expect(row.tasks.map((t) => t.priority)).toEqual([1, 1]);
    expect(await announced).toEqual({ orderId: order.id, changes: { isLate: true, delayMinutes: 5, priority: 1 } });

    // A retry (or the re-armed timer firing early) finds the new ETA ahead and raises nothing twice.
    expect(await acts.checkItemLate({ tenantId: tenant.id, orderItemId: item.id })).toEqual({ late: true, eta: late.eta });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).priority).toBe(1);
  });

  it('decides on many items that pass their ETA together in one run, each order raised once', async () => {
    const type = unique('pass');
    await createStation(prisma, tenant.id, { capacity: 4, taskTypes: [type] });
    const dish = await recipeOf(singleTaskRecipe(type, 5));
    const orders = await Promise.all([1, 2, 3, 4].map(() => orderOf(dish)));
    for (const o of orders) await acts.enqueueTask(o.ref());
    await acts.recalculateEta({ tenantId: tenant.id, reason: 'test' });
    now = T0 + 20 * MIN;
    const lateChecks = await Promise.all(orders.map((o) => acts.checkItemLate({ tenantId: tenant.id, orderItemId: o.item.id })));
    expect(lateChecks.map((c) => c.late)).toEqual([true, true, true, true]);
    const rows = await prisma.order.findMany({ where: { id: { in: orders.map((o) => o.order.id) } }, include: { tasks: true } });
    expect(rows.map((r) => [r.isLate, r.priority, r.tasks[0].priority])).toEqual(rows.map(() => [true, 1, 1]));
    // Each order's stored breakdown records that a late check produced it.
    for (const r of rows) expect((r.etaBreakdown as { reason: string }).reason).toContain('late-check');
  });

  it('never marks a finished item late', async () => {
    const type = unique('bar');
    await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [type] });
    const drink = await recipeOf(singleTaskRecipe(type, 1));
    const { item } = await orderOf(drink);
    await acts.recalculateEta({ tenantId: tenant.id, orderItemId: item.id, reason: 'test' });
    await acts.setItemStatus({ tenantId: tenant.id, orderItemId: item.id, status: 'DONE' });
    now = T0 + 60 * MIN;
    expect(await acts.checkItemLate({ tenantId: tenant.id, orderItemId: item.id })).toMatchObject({ late: false });
    expect((await prisma.orderItem.findUniqueOrThrow({ where: { id: item.id } })).isLate).toBe(false);
  });

  it('marks an item late when the time promised at order time passes, even though its ETA drifted later', async () => {
    const type = unique('grill');
    await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [type] });
    const steak = await recipeOf(twoSteps(type));
    const { order, item, ref } = await orderOf(steak);
    await acts.enqueueTask(ref(0));
    const first = await acts.recalculateEta({ tenantId: tenant.id, orderItemId: item.id, reason: 'test' });
    expect(first.itemEta).toBe(iso(T0 + 7 * MIN)); // the promise: fry 5 + plate 2
    // The grill got busy elsewhere: the prediction moves to T0 + 12 min, the promise does not.
    await prisma.orderItem.update({ where: { id: item.id }, data: { estimatedReadyAt: new Date(T0 + 12 * MIN) } });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).initialEstimatedReadyAt?.toISOString()).toBe(iso(T0 + 7 * MIN));

    now = T0 + 6 * MIN;
    expect(await acts.checkItemLate({ tenantId: tenant.id, orderItemId: item.id })).toEqual({ late: false, eta: iso(T0 + 7 * MIN) });
    now = T0 + 8 * MIN;
    const late = await acts.checkItemLate({ tenantId: tenant.id, orderItemId: item.id });
    expect(late.late).toBe(true);
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ isLate: true, priority: 1 });
    // Once flagged, the next check follows the new ETA (no second raise for the same broken promise).
    expect(Date.parse(late.eta!)).toBeGreaterThan(now);
    expect(await acts.checkItemLate({ tenantId: tenant.id, orderItemId: item.id })).toEqual({ late: true, eta: late.eta });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).priority).toBe(1);
  });
});
