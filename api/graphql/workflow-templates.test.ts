import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { errorCode, onlyError, simpleRecipe, startTestApi, type TestApi } from '../../test/support/graphql-client';

/** Recipes: validated on every save against the tenant's active stations; publishing freezes versions. */
const prisma = testPrisma();
let api: TestApi;
let kitchen: TestTenant;
let manager: string;

beforeAll(async () => {
  kitchen = await createTestTenant(prisma);
  api = await startTestApi(prisma);
  manager = await api.login(kitchen.slug, kitchen.users.MANAGER.email, kitchen.password);
});
afterAll(() => api?.close());

const DETAIL =
  'id name currentVersion estimatedTotalMinutes definition analysis { totalMinutes criticalPath } versions { version publishedAt estimatedTotalMinutes definition }';
const CREATE = `mutation ($name: String!, $d: JSON!) { createWorkflowTemplate(input: { name: $name, category: "pizza", definition: $d }) { ${DETAIL} } }`;
const SAVE = `mutation ($id: ID!, $d: JSON!) { saveWorkflowDraft(id: $id, definition: $d) { ${DETAIL} } }`;
const PUBLISH = `mutation ($id: ID!) { publishWorkflowTemplate(id: $id) { ${DETAIL} } }`;

async function createTemplate(name: string, definition: unknown = simpleRecipe()) {
  const res = await api.gql(CREATE, { name, d: definition }, manager);
  expect(res.errors).toBeUndefined();
  return res.data.createWorkflowTemplate;
}

/** prep → bake → box, then a back edge from prep to box closes a cycle. */
function cyclicRecipe() {
  const def = simpleRecipe();
  def.phases[0].tasks[0].depends_on = ['task_box'];
  return def;
}

it('creates a draft with its timing analysis and no published version yet', async () => {
  const template = await createTemplate('Margherita');
  expect(template).toMatchObject({
    name: 'Margherita',
    currentVersion: null,
    estimatedTotalMinutes: 12,
    analysis: { totalMinutes: 12, criticalPath: ['task_prep', 'task_bake', 'task_box'] },
    versions: [],
  });
  expect(template.definition.phases[1].tasks[0].id).toBe('task_bake');
  expect(await kitchen.db.auditLog.count({ where: { entityId: template.id, action: 'workflow.create' } })).toBe(1);
});

it('rejects a draft with a cycle: BAD_USER_INPUT naming the cycle, every issue in extensions, nothing saved', async () => {
  const template = await createTemplate('Cycle test');
  const res = await api.gql(SAVE, { id: template.id, d: cyclicRecipe() }, manager);
  const err = onlyError(res);
  expect(err.extensions?.code).toBe('BAD_USER_INPUT');
  expect(err.message).toBe('Invalid recipe: Cycle: task_prep → task_bake → task_box → task_prep');
  expect(err.extensions?.issues).toEqual([
    expect.objectContaining({ code: 'CYCLE', severity: 'error', path: ['task_prep', 'task_bake', 'task_box', 'task_prep'] }),
  ]);
  const stored = await kitchen.db.workflowTemplate.findUniqueOrThrow({ where: { id: template.id } });
  expect(stored.definition).toEqual(template.definition);
  expect(await kitchen.db.auditLog.count({ where: { entityId: template.id, action: 'workflow.save_draft' } })).toBe(0);
});

it("rejects a task whose station type none of the tenant's active stations offers", async () => {
  const def = simpleRecipe();
  def.phases[1].tasks[0].station_type = 'smoker';
  const err = onlyError(await api.gql(CREATE, { name: 'Smoked', d: def }, manager));
  expect(err.extensions?.code).toBe('BAD_USER_INPUT');
  expect(err.message).toContain('Task "task_bake" uses unknown station type "smoker"');
  expect(err.extensions?.issues[0]).toMatchObject({ code: 'UNKNOWN_STATION_TYPE', taskId: 'task_bake' });
});

it('publishing freezes the draft as version 1, then version 2, and version 1 never changes', async () => {
  const template = await createTemplate('Diavola');
  const v1 = await api.gql(PUBLISH, { id: template.id }, manager);
  expect(v1.errors).toBeUndefined();
  expect(v1.data.publishWorkflowTemplate.currentVersion).toBe(1);
  const version1 = v1.data.publishWorkflowTemplate.versions[0];

  const slower = simpleRecipe({ prep: 3, bake: 12, box: 1 });
  const saved = await api.gql(SAVE, { id: template.id, d: slower }, manager);
  expect(saved.data.saveWorkflowDraft).toMatchObject({ currentVersion: 1, estimatedTotalMinutes: 16 });

  const v2 = await api.gql(PUBLISH, { id: template.id }, manager);
  const published = v2.data.publishWorkflowTemplate;
  expect(published.currentVersion).toBe(2);
  expect(published.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  expect(published.versions[0]).toMatchObject({ estimatedTotalMinutes: 16 });
  expect(published.versions[0].definition.phases[1].tasks[0].estimated_minutes).toBe(12);
  expect(published.versions[1]).toEqual(version1);
  expect(version1).toMatchObject({ version: 1, estimatedTotalMinutes: 12 });

  const audits = await kitchen.db.auditLog.findMany({ where: { entityId: template.id, action: 'workflow.publish' }, orderBy: { createdAt: 'asc' } });
  expect(audits.map((a) => a.details)).toEqual([{ version: 1 }, { version: 2 }]);
});

it('re-validates on publish: a draft whose station was deactivated since cannot be published', async () => {
  const own = await createTestTenant(prisma);
  const token = await api.login(own.slug, own.users.OWNER.email, own.password);
  const created = await api.gql(CREATE, { name: 'Boxed', d: simpleRecipe() }, token);
  const packaging = own.stations.find((s) => s.taskTypes.includes('packaging'))!;
  await api.gql('mutation ($id: ID!) { deleteStation(id: $id) { id } }', { id: packaging.id }, token);
  const err = onlyError(await api.gql(PUBLISH, { id: created.data.createWorkflowTemplate.id }, token));
  expect(err.message).toContain('Task "task_box" uses unknown station type "packaging"');
  expect(await own.db.workflowTemplateVersion.count()).toBe(0);
});

it('validates a definition for the designer without writing anything', async () => {
  const before = await kitchen.db.workflowTemplate.count();
  const auditsBefore = await kitchen.db.auditLog.count();
  const QUERY =
    'query ($d: JSON!) { validateWorkflowDefinition(definition: $d) { ok issues { code severity message taskId path } analysis { totalMinutes criticalPath } } }';

  const good = await api.gql(QUERY, { d: simpleRecipe() }, manager);
  expect(good.data.validateWorkflowDefinition).toEqual({
    ok: true,
    issues: [],
    analysis: { totalMinutes: 12, criticalPath: ['task_prep', 'task_bake', 'task_box'] },
  });

  const bad = await api.gql(QUERY, { d: cyclicRecipe() }, manager);
  expect(bad.data.validateWorkflowDefinition).toMatchObject({ ok: false, analysis: null, issues: [{ code: 'CYCLE', severity: 'error' }] });

  const garbage = await api.gql(QUERY, { d: { phases: 'nope' } }, manager);
  expect(garbage.data.validateWorkflowDefinition.ok).toBe(false);
  expect(garbage.data.validateWorkflowDefinition.issues[0].code).toBe('SHAPE');

  expect(await kitchen.db.workflowTemplate.count()).toBe(before);
  expect(await kitchen.db.auditLog.count()).toBe(auditsBefore);
});

it('lets kitchen staff read recipes but not edit or publish them; operators only see the name via the menu', async () => {
  const template = await createTemplate('Staff can read');
  const staff = await api.login(kitchen.slug, kitchen.users.STAFF.email, kitchen.password);
  expect((await api.gql('query ($id: ID!) { workflowTemplate(id: $id) { name definition } }', { id: template.id }, staff)).errors).toBeUndefined();
  expect(errorCode(await api.gql(SAVE, { id: template.id, d: simpleRecipe() }, staff))).toBe('FORBIDDEN');
  expect(errorCode(await api.gql(PUBLISH, { id: template.id }, staff))).toBe('FORBIDDEN');

  const operator = await api.login(kitchen.slug, kitchen.users.OPERATOR.email, kitchen.password);
  expect(errorCode(await api.gql('{ workflowTemplates { id } }', {}, operator))).toBe('FORBIDDEN');
  await api.gql(
    'mutation ($t: ID!) { createMenuItem(input: { name: "Staff pizza", price: "7", workflowTemplateId: $t }) { id } }',
    { t: template.id },
    manager,
  );
  const menu = await api.gql('{ menuItems { name workflowTemplate { name currentVersion } } }', {}, operator);
  expect(menu.data.menuItems).toContainEqual({ name: 'Staff pizza', workflowTemplate: { name: 'Staff can read', currentVersion: null } });
  const deeper = await api.gql('{ menuItems { workflowTemplate { definition } } }', {}, operator);
  expect(deeper.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

it('shows the learned per-unit minutes of a task next to its estimate once durations were recorded, and where they come from', async () => {
  const template = await createTemplate('Learned durations');
  // Three single bakes of 9 minutes and one batch of 3 (1.7× one unit → 17 min): all 9 min per unit.
  const rows = [540, 540, 540].map((s) => ({ durationSeconds: s, quantity: 1 })).concat([{ durationSeconds: 918, quantity: 3 }]);
  for (const row of rows) {
    await kitchen.db.taskDuration.create({ data: { tenantId: kitchen.id, workflowTemplateId: template.id, taskDefId: 'task_bake', ...row } });
  }
  const res = await api.gql(
    `query ($id: ID!) { workflowTemplate(id: $id) { learnedDurations { taskId learnedMinutes source samples p10Minutes p90Minutes } } }`,
    { id: template.id },
    manager,
  );
  expect(res.errors).toBeUndefined();
  // task_prep and task_box have no history: absent, so the designer shows their estimates only.
  expect(res.data.workflowTemplate.learnedDurations).toEqual([
    { taskId: 'task_bake', learnedMinutes: 9, source: 'TASK', samples: 4, p10Minutes: 9, p90Minutes: 9 },
  ]);
});
