import type { Db } from '../../db/client';
import { createTestTenant, testPrisma } from '../../test/support/db';
import { LEARNED_WINDOW, loadLearnedDurations } from './learned-durations';
import { createRecipe, createStation, deleteTenants, singleTaskRecipe } from '../../test/support/activity-fixtures';

// Real PostgreSQL. The moving averages over the last LEARNED_WINDOW durations, read through
// the idx_durations_recent* indexes (migration 20261121120000).
const prisma: Db = testPrisma();
let tenantId: string;
const T0 = new Date('2026-11-20T12:00:00Z').getTime();

beforeAll(async () => {
  tenantId = (await createTestTenant(prisma)).id;
});
afterAll(() => deleteTenants(prisma, [tenantId]));

it('averages the last 100 durations per recipe task and per station, newest first, each normalised to one unit', async () => {
  const a = await createStation(prisma, tenantId, { taskTypes: ['grill'] });
  const b = await createStation(prisma, tenantId, { taskTypes: ['grill'] });
  const idle = await createStation(prisma, tenantId, { taskTypes: ['grill'] });
  const { template } = await createRecipe(prisma, tenantId, singleTaskRecipe('grill', 10));
  const other = await createRecipe(prisma, tenantId, singleTaskRecipe('grill', 10));
  let minute = 0;
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
      ...rows(b.id, 5, 240, 3), // a batch of three, normalised to one unit by the ETA's factor
      ...rows(a.id, 3, 30, 1, template.id, 'rest'),
      ...rows(a.id, 7, 500, 1, other.template.id),
    ],
  });

  const learned = await loadLearnedDurations(prisma, tenantId, [template.id]);
  const batchUnit = (learned.lookup(template.id, 'cook', b.id)!.avgSeconds * 10 - 5 * 120) / 5;
  expect(batchUnit).toBeGreaterThan(80);
  expect(batchUnit).toBeLessThan(240);

  expect(learned.lookup(template.id, 'cook', a.id)).toEqual({ avgSeconds: 60, samples: LEARNED_WINDOW });
  expect(learned.lookup(template.id, 'cook', b.id)!.samples).toBe(10);
  // Any station: the newest 100 are b's 10, the 5 without a station and a's newest 85.
  const anywhere = learned.lookup(template.id, 'cook', idle.id)!;
  expect(anywhere.samples).toBe(LEARNED_WINDOW);
  expect(anywhere.avgSeconds).toBeCloseTo((5 * 120 + 5 * batchUnit + 5 * 90 + 85 * 60) / 100, 6);
  expect(learned.lookup(template.id, 'rest', a.id)).toEqual({ avgSeconds: 30, samples: 3 });
  expect(learned.lookup(template.id, 'prep', a.id)).toBeNull();
  // Only the templates asked for are read.
  expect(learned.lookup(other.template.id, 'cook', a.id)).toBeNull();
});
