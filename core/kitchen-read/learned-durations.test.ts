import type { Db } from '../../db/client';
import { createTestTenant, testPrisma } from '../../test/support/db';
import { expectedDurationMs, quantityFactor } from '../../domain/eta';
import { LEARNED_WINDOW, loadLearnedDurations } from './learned-durations';
import { createMenuItem, createOrder, createRecipe, createStation, deleteTenants, singleTaskRecipe, unique } from '../../test/support/activity-fixtures';

// Real PostgreSQL. The samples are read through the idx_durations_recent* and
// idx_durations_station_recent indexes and learned by domain/eta/learning.ts.
const prisma: Db = testPrisma();
let tenantId: string;
const T0 = new Date('2026-11-20T12:00:00Z').getTime();
let minute = 0;

beforeAll(async () => {
  tenantId = (await createTestTenant(prisma)).id;
});
afterAll(() => deleteTenants(prisma, [tenantId]));

/** Durations of `taskDefId` as the kitchen records them: each for a task instance carrying the recipe's estimate. */
async function record(opts: {
  stationType: string;
  estimateMinutes: number;
  stationId: string;
  seconds: number[];
  template?: Awaited<ReturnType<typeof createRecipe>>;
}) {
  const recipe = opts.template ?? (await createRecipe(prisma, tenantId, singleTaskRecipe(opts.stationType, opts.estimateMinutes)));
  const menu = await createMenuItem(prisma, tenantId, { templateId: recipe.template.id });
  const order = await createOrder(
    prisma,
    tenantId,
    opts.seconds.map(() => ({ menuItemId: menu.id, versionId: recipe.version.id })),
  );
  for (const [i, item] of order.items.entries()) {
    const task = await prisma.taskInstance.create({
      data: {
        tenantId,
        orderId: order.id,
        orderItemId: item.id,
        taskDefId: 'cook',
        phaseDefId: 'p',
        name: 'Cook',
        stationType: opts.stationType,
        stationId: opts.stationId,
        status: 'DONE',
        estimatedMinutes: opts.estimateMinutes,
      },
    });
    await prisma.taskDuration.create({
      data: {
        tenantId,
        workflowTemplateId: recipe.template.id,
        taskDefId: 'cook',
        stationId: opts.stationId,
        taskInstanceId: task.id,
        durationSeconds: opts.seconds[i],
        recordedAt: new Date(T0 + minute++ * 60_000),
      },
    });
  }
  return recipe;
}

it('learns the median of the last 100 durations per recipe task and per station, newest first, each normalised to one unit', async () => {
  const a = await createStation(prisma, tenantId, { taskTypes: ['grill'] });
  const b = await createStation(prisma, tenantId, { taskTypes: ['grill'] });
  const idle = await createStation(prisma, tenantId, { taskTypes: ['grill'] });
  const { template } = await createRecipe(prisma, tenantId, singleTaskRecipe('grill', 10));
  const other = await createRecipe(prisma, tenantId, singleTaskRecipe('grill', 10));
  const rows = (stationId: string | null, count: number, seconds: number, quantity = 1, templateId = template.id, taskDefId = 'cook') =>
    Array.from({ length: count }, () => ({
      tenantId,
      workflowTemplateId: templateId,
      taskDefId,
      stationId,
      durationSeconds: seconds,
      quantity,
      recordedAt: new Date(T0 + minute++ * 60_000),
    }));
  await prisma.taskDuration.createMany({
    data: [
      ...rows(a.id, 50, 1_000), // the oldest: outside every window
      ...rows(a.id, 100, 60),
      ...rows(null, 5, 90), // no station: counts for the task anywhere only
      ...rows(b.id, 5, 120),
      ...rows(b.id, 6, 240, 3), // batches of three, normalised to one unit by the ETA's factor
      ...rows(a.id, 3, 30, 1, template.id, 'rest'),
      ...rows(a.id, 7, 500, 1, other.template.id),
    ],
  });

  const learned = await loadLearnedDurations(prisma, tenantId, [template.id]);
  expect(learned.lookup(template.id, 'cook', a.id, 'grill')?.atStation).toMatchObject({ value: 60, samples: LEARNED_WINDOW });
  const atB = learned.lookup(template.id, 'cook', b.id, 'grill')!.atStation!;
  expect(atB.samples).toBe(11);
  expect(atB.value).toBeCloseTo(240 / quantityFactor(3), 6);
  // Any station: the newest 100 are b's 11, the 5 without a station and a's newest 84; mostly a minute.
  const anywhere = learned.lookup(template.id, 'cook', idle.id, 'grill')!;
  expect(anywhere.atStation).toBeNull();
  expect(anywhere.anyStation).toMatchObject({ value: 60, samples: LEARNED_WINDOW });
  expect(learned.lookup(template.id, 'rest', a.id, 'grill')?.atStation).toMatchObject({ value: 30, samples: 3 });
  // Samples without their task instance have no estimate: never implausible, and no pace either.
  expect(learned.lookup(template.id, 'prep', a.id, 'grill')).toBeNull();
  // Only the templates asked for are read.
  expect(learned.lookup(other.template.id, 'cook', a.id, 'grill')).toBeNull();
});

it('keeps instant bumps stored but does not learn from them', async () => {
  const type = unique('eggs');
  const station = await createStation(prisma, tenantId, { taskTypes: [type] });
  const eggs = await record({ stationType: type, estimateMinutes: 2, stationId: station.id, seconds: [0, 1, 2] });
  expect(await prisma.taskDuration.count({ where: { workflowTemplateId: eggs.template.id } })).toBe(3);
  expect((await loadLearnedDurations(prisma, tenantId, [eggs.template.id])).lookup(eggs.template.id, 'cook', station.id, type)).toBeNull();

  await record({ stationType: type, estimateMinutes: 2, stationId: station.id, seconds: [100, 110, 120, 1_000], template: eggs });
  const learned = (await loadLearnedDurations(prisma, tenantId, [eggs.template.id])).lookup(eggs.template.id, 'cook', station.id, type)!;
  // 1,000 s is over 5 times the 2 minutes: only 100, 110 and 120 are learned.
  expect(learned.atStation).toMatchObject({ value: 110, samples: 3 });
});

it("starts a new dish at a slow station from that station's pace, assigned or not", async () => {
  const type = unique('wok');
  const slow = await createStation(prisma, tenantId, { taskTypes: [type] });
  await record({ stationType: type, estimateMinutes: 4, stationId: slow.id, seconds: [360, 360, 360] });
  await record({ stationType: type, estimateMinutes: 10, stationId: slow.id, seconds: [900, 900, 900] });
  const fresh = await createRecipe(prisma, tenantId, singleTaskRecipe(type, 6));

  const learned = await loadLearnedDurations(prisma, tenantId, [fresh.template.id]);
  expect(learned.stationPace(slow.id)).toMatchObject({ value: 1.5, samples: 6 });
  for (const stationId of [slow.id, null]) {
    const levels = learned.lookup(fresh.template.id, 'cook', stationId, type);
    expect(levels).toMatchObject({ atStation: null, anyStation: null, pace: { value: 1.5 } });
    expect(expectedDurationMs({ estimateMinutes: 6, quantity: 1, learned: levels })).toBe(9 * 60_000);
  }
});

it('learns a station’s pickup delay from its finished tasks, and the ETA uses it for tasks there or of its type', async () => {
  const type = unique('grill');
  const grill = await createStation(prisma, tenantId, { taskTypes: [type] });
  const recipe = await record({ stationType: type, estimateMinutes: 5, stationId: grill.id, seconds: [300, 300, 300, 300, 300, 300] });
  // One slot; each ticket queued while the grill was free and started 40 s later, one after the other.
  const tasks = await prisma.taskInstance.findMany({ where: { tenantId, stationId: grill.id }, orderBy: { id: 'asc' } });
  for (const [i, task] of tasks.entries()) {
    const queuedAt = T0 + i * 3_600_000;
    await prisma.taskInstance.update({
      where: { id: task.id },
      data: { queuedAt: new Date(queuedAt), startedAt: new Date(queuedAt + 40_000), completedAt: new Date(queuedAt + 340_000) },
    });
  }

  const learned = await loadLearnedDurations(prisma, tenantId, [recipe.template.id]);
  expect(learned.pickup(grill.id, type)).toMatchObject({ value: 40_000, samples: 6 });
  expect(learned.pickup(null, type)).toMatchObject({ value: 40_000, samples: 6 });
  expect(learned.pickup(null, unique('nowhere'))).toBeNull();
});
