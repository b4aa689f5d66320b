import { randomUUID } from 'node:crypto';
import { schema } from '../schema';
import { startSandboxPlatform, type SandboxPlatform } from '../../../sandbox-platform/server';
import { startKitchenApi, type GqlResult, type KitchenApi } from '../../../test/support/kitchen-api';
import { entityOf, idPaths, ID_ARGUMENTS_FILE } from '../../../test/support/security/id-arguments';
import { operationFor } from '../../../test/support/security/operation';
import { rootFields, type RootField } from '../../../test/support/security/root-fields';
import { IN_FLIGHT, runLimited } from '../../../test/support/security/run-limited';
import { createSecurityTenant, type Entity, type SecurityTenant } from '../../../test/support/security/security-tenant';
import { idsIn, snapshotTenant, type TenantSnapshot } from '../../../test/support/security/tenant-snapshot';

/**
 * Tenant isolation, fuzzed over the whole schema: every ID argument of every Query and Mutation
 * field (inside input objects too) is given a row of another tenant, as the OWNER of a
 * neighbouring tenant, with every other ID naming the caller's own rows. The answer must be exactly the answer
 * for an id that does not exist, must show nothing of the other tenant, and nothing of it may
 * change. A new field or ID argument is fuzzed the moment it is in the schema.
 */
const fields = rootFields(schema).filter((f) => f.access.kind !== 'public');
const cases = fields.flatMap((field) => idPaths(field).map((path) => ({ field, path })));
let api: KitchenApi;
let sandbox: SandboxPlatform;
let home: SecurityTenant;
let victim: SecurityTenant;
let token: string;
let victimBefore: TenantSnapshot;
let victimIds: string[];

beforeAll(async () => {
  // One owner sends every probe (cases × entities, well over a minute's 600 requests): the per-user
  // limit is not what this suite tests (api/rate-limits does), so it is lifted for this API.
  api = await startKitchenApi('cross-tenant-fuzz', { env: { GRAPHQL_USER_RATE_LIMIT: '100000' } });
  // The caller's platform syncs for real when a probe starts a sync (resyncPlatform does).
  const apiKey = `key-${randomUUID()}`;
  sandbox = await startSandboxPlatform({ apiKey });
  [home, victim] = await Promise.all([createSecurityTenant(api.prisma, { marketplace: { url: sandbox.url, apiKey } }), createSecurityTenant(api.prisma)]);
  const res = await api.gql('', 'mutation ($t: String!, $e: String!, $p: String!) { login(tenant: $t, email: $e, password: $p) { accessToken } }', {
    t: home.slug,
    e: home.users.OWNER.email,
    p: home.password,
  });
  token = res.data!.login.accessToken as string;
  await useLiveOrder();
  victimBefore = await snapshotTenant(api.prisma, victim.id);
  victimIds = idsIn(victimBefore);
}, 60_000);
afterAll(async () => {
  await api?.stop();
  await sandbox?.stop();
});

/**
 * The caller's own order, task and subtask are live ones (placed through the API, running in
 * their workflows), so a probe that passes the first lookup reaches the workflow's own checks:
 * a subtask id is checked only there.
 */
async function useLiveOrder() {
  const placed = await api.gql(token, 'mutation ($m: ID!) { createOrder(input: { channel: PHONE, items: [{ menuItemId: $m, quantity: 1 }] }) { id } }', {
    m: home.ids.menuItem,
  });
  const orderId = placed.data?.createOrder.id as string | undefined;
  if (!orderId) throw new Error(`createOrder failed: ${JSON.stringify(placed.errors)}`);
  const task = await api.prisma.taskInstance.findFirstOrThrow({ where: { orderId, status: 'QUEUED', subtasks: { some: {} } }, include: { subtasks: true } });
  Object.assign(home.ids, { order: orderId, task: task.id, subtask: task.subtasks[0].id });
}

const samePath = (a: readonly string[], b: readonly string[]) => a.join('.') === b.join('.');

const PROBE = '00000000-0000-4000-8000-00000000beef';

/**
 * `field` called with each id at `path`, every other ID naming the caller's own row of its
 * entity; one generated operation for all of them, so they differ in that id alone.
 */
function probes(field: RootField, path: string[], ids: string[]): Promise<GqlResult[]> {
  const { query, variables } = operationFor(field, {
    depth: 2,
    includeOptional: (p) => samePath(p, path.slice(0, p.length)),
    valueFor: (slot) => {
      if (slot.typeName !== 'ID') return slot.path.at(-1) === 'platformItemId' ? `unknown-${home.marker}` : undefined;
      if (samePath(slot.path, path)) return PROBE;
      const entity = entityOf(field.name, slot.path);
      return entity ? home.ids[entity] : undefined;
    },
  });
  const template = JSON.stringify(variables);
  // One at a time: the cases already run IN_FLIGHT side by side.
  return runLimited(ids, 1, (id) => api.gql(token, query, JSON.parse(template.split(PROBE).join(id)) as Record<string, unknown>));
}

/** The errors as a client sees them, with the id it sent replaced, so two answers compare. */
const answerOf = (res: GqlResult, sentId: string) => ({
  data: res.data == null ? null : 'data',
  errors: (res.errors ?? []).map((e) => ({ code: e.extensions?.code, message: e.message.split(sentId).join('<id>') })),
});

/** Every place the victim shows up in an answer: its ids (but the one sent, echoed in errors) and its marker. */
function traces(res: GqlResult, sentId: string): string[] {
  const data = JSON.stringify(res.data ?? null);
  const errors = JSON.stringify(res.errors ?? []);
  return [
    ...victimIds.filter((id) => data.includes(id) || (id !== sentId && errors.includes(id))),
    ...(data.includes(victim.marker) || errors.includes(victim.marker) ? [victim.marker] : []),
  ];
}

it('knows which entity every ID argument of the schema names', () => {
  const unmapped = cases.filter(({ field, path }) => !entityOf(field.name, path)).map(({ field, path }) => `${field.name}(${path.join('.')})`);
  if (unmapped.length) throw new Error(`ID arguments without an entity: ${unmapped.join(', ')}. Map each one in ${ID_ARGUMENTS_FILE}.`);
  expect(cases.length).toBeGreaterThan(40);
});

// Hundreds of requests: on a loaded 2-core machine they took over 60 s, so the time budget is wide.
it("answers another tenant's id in every ID argument exactly like an id that does not exist", async () => {
  // The id of the entity the argument names, and (in case the mapping or a lookup is wrong) every other one.
  const results = await runLimited(cases, IN_FLIGHT, async ({ field, path }) => {
    const mapped = entityOf(field.name, path)!;
    const entities = [mapped, ...(Object.keys(victim.ids) as Entity[]).filter((e) => e !== mapped)];
    const missingId = randomUUID();
    const [missing, ...foreign] = await probes(field, path, [missingId, ...entities.map((e) => victim.ids[e])]);
    return {
      name: `${field.name}(${path.join('.')})`,
      missing,
      missingId,
      foreign: foreign.map((res, i) => ({ res, entity: entities[i], id: victim.ids[entities[i]] })),
    };
  });
  const problems = results.flatMap(({ name, missing, missingId, foreign }) =>
    foreign.flatMap(({ res, entity, id }) => {
      const seen = traces(res, id);
      const [got, expected] = [JSON.stringify(answerOf(res, id)), JSON.stringify(answerOf(missing, missingId))];
      return [
        ...(seen.length ? [`${name} with its ${entity} shows the other tenant's ${seen.join(', ')}: ${JSON.stringify(res).slice(0, 300)}`] : []),
        ...(got !== expected ? [`${name} answers differently for the other tenant's ${entity}: ${got} vs ${expected}`] : []),
      ];
    }),
  );
  expect(results.flatMap((r) => r.foreign).length).toBe(cases.length * Object.keys(victim.ids).length);

  const victimAfter = await snapshotTenant(api.prisma, victim.id);
  const changed = Object.keys({ ...victimBefore, ...victimAfter }).filter((t) => JSON.stringify(victimBefore[t]) !== JSON.stringify(victimAfter[t]));
  // No row of the caller's may point at the victim; its audit log may quote the ids it was sent.
  const { audit_logs: audit, ...homeRows } = await snapshotTenant(api.prisma, home.id);
  const linked = victimIds.filter((id) => JSON.stringify(homeRows).includes(id));
  expect([
    ...problems,
    ...changed.map((t) => `the other tenant's ${t} rows changed`),
    ...linked.map((id) => `a row of the caller's now refers to the other tenant's ${id}`),
    ...(JSON.stringify([homeRows, audit]).includes(victim.marker) ? ["the caller's rows now carry the other tenant's names"] : []),
  ]).toEqual([]);
}, 240_000);
