import { randomUUID } from 'node:crypto';
import { schema } from '../schema';
import { startSandboxPlatform, type SandboxPlatform } from '../../../sandbox-platform/server';
import { startKitchenApi, type GqlResult, type KitchenApi } from '../../../test/support/kitchen-api';
import { nestedRoutes, type NestedRoute } from '../../../test/support/security/nested-fields';
import { operationFor, selectionOf } from '../../../test/support/security/operation';
import { readPermissionDocs } from '../../../test/support/security/permission-docs';
import { rootFields, type RootField } from '../../../test/support/security/root-fields';
import { IN_FLIGHT, runLimited } from '../../../test/support/security/run-limited';
import { createSecurityTenant, type SecurityTenant } from '../../../test/support/security/security-tenant';

/**
 * The role matrix, generated: every Query and Mutation field of the schema is called over HTTP
 * as a real user of every role in docs/permissions.md, with arguments generated from its types.
 * A role the docs deny gets FORBIDDEN naming the field's permission and no data; a role the
 * docs allow is never refused (random ids may well be NOT_FOUND). Fields below the root that
 * declare a permission of their own are reached through the security tenant's rows, by every
 * route from a root query. A new field is covered the moment it is in the schema, and fails
 * here if it declares no access.
 */
const docs = readPermissionDocs();
const fields = rootFields(schema);
// Fields below the root with a permission of their own (a workflow template's definition…).
const routes = nestedRoutes(schema, fields);
const routeName = (r: NestedRoute) => [r.root.name, ...r.through, r.field.name].join('.');
const nestedQuery = (r: NestedRoute) =>
  `{ ${[r.root.name, ...r.through].join(' { ')} { ${r.field.name} ${selectionOf(r.field.type, 1)} ${' }'.repeat(r.through.length + 1)} }`;
let api: KitchenApi;
let tenant: SecurityTenant;
let sandbox: SandboxPlatform;
const sandboxKey = `key-${randomUUID()}`;
const tokens = new Map<string, string>();

beforeAll(async () => {
  api = await startKitchenApi('role-matrix');
  // Platforms the allowed roles create start polling their marketplace: give them a real one.
  sandbox = await startSandboxPlatform({ apiKey: sandboxKey });
  tenant = await createSecurityTenant(api.prisma);
  for (const role of docs.roles) {
    const res = await api.gql('', 'mutation ($t: String!, $e: String!, $p: String!) { login(tenant: $t, email: $e, password: $p) { accessToken } }', {
      t: tenant.slug,
      e: tenant.users[role as keyof SecurityTenant['users']].email,
      p: tenant.password,
    });
    if (!res.data?.login) throw new Error(`login as ${role} failed: ${JSON.stringify(res.errors)}`);
    tokens.set(role, res.data.login.accessToken as string);
  }
}, 60_000);
afterAll(async () => {
  await api?.stop();
  await sandbox?.stop();
});

const MARKETPLACE: Record<string, () => string> = { baseUrl: () => sandbox.url, apiKey: () => sandboxKey };

const call = (field: RootField, token: string) => {
  const { query, variables } = operationFor(field, {
    includeOptional: (path) => path.at(-1)! in MARKETPLACE,
    valueFor: ({ path }) => MARKETPLACE[path.at(-1)!]?.(),
  });
  return api.gql(token, query, variables);
};
/** What a role holding the permission may hear back for random ids and sample values. */
const ANSWERS_TO_FAKE_ARGUMENTS = new Set(['NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT']);
const codesOf = (res: GqlResult) => (res.errors ?? []).map((e) => e.extensions?.code as string | undefined);
const show = (res: GqlResult) => JSON.stringify(res.errors ?? res.data).slice(0, 300);

it('declares the access of every root field the way docs/permissions.md lists it', () => {
  const problems = fields.flatMap(({ name, access }) => {
    const documented = docs.operations.get(name);
    if (access.kind === 'undeclared') return [`${name}: declare t.withAuth({ permission }) (or skipTypeScopes for a public field); found ${access.detail}`];
    if (!documented) return [`${name}: add it to the Operations table of docs/permissions.md`];
    if (access.kind === 'permission') {
      if (!docs.matrix.has(access.permission)) return [`${name}: its permission ${access.permission} is not in the Matrix of docs/permissions.md`];
      return 'permission' in documented && documented.permission === access.permission
        ? []
        : [`${name}: needs ${access.permission}, docs say ${JSON.stringify(documented)}`];
    }
    const note = 'note' in documented ? documented.note : '';
    const ok = access.kind === 'public' ? note.startsWith('none') : note === 'any valid token';
    return ok ? [] : [`${name}: is ${access.kind}, docs say ${JSON.stringify(documented)}`];
  });
  expect(problems).toEqual([]);
  expect(fields.length).toBeGreaterThan(50);
});

it('answers UNAUTHENTICATED to every field but the public ones when no token is sent', async () => {
  const privateFields = fields.filter((f) => f.access.kind !== 'public');
  const answers = await runLimited(privateFields, IN_FLIGHT, async (f) => ({ f, res: await call(f, '') }));
  const wrong = answers.filter(({ res }) => codesOf(res).join() !== 'UNAUTHENTICATED' || res.data != null).map(({ f, res }) => `${f.name}: ${show(res)}`);
  expect(wrong).toEqual([]);
}, 30_000);

/** The permission a root field needs: the docs' Operations table is the contract, the declaration only when it has no row. */
function permissionOf(f: RootField): string | null {
  const documented = docs.operations.get(f.name);
  if (documented && 'permission' in documented) return documented.permission;
  return f.access.kind === 'permission' ? f.access.permission : null;
}
const holds = (role: string, permission: string | null) => permission === null || (docs.matrix.get(permission)?.has(role) ?? false);

describe.each(docs.roles)('as %s', (role) => {
  it('is FORBIDDEN exactly the fields whose permission docs/permissions.md denies the role', async () => {
    const judged = fields.filter((f) => f.access.kind === 'permission' || f.access.kind === 'token');
    const answers = await runLimited(judged, IN_FLIGHT, async (f) => ({ f, res: await call(f, tokens.get(role)!) }));
    const wrong = answers.flatMap(({ f, res }) => {
      const permission = permissionOf(f);
      const codes = codesOf(res);
      if (holds(role, permission)) {
        return codes.every((c) => ANSWERS_TO_FAKE_ARGUMENTS.has(c!)) ? [] : [`${f.name} (allowed): ${show(res)}`];
      }
      const refused = codes.join() === 'FORBIDDEN' && res.errors![0].extensions?.permission === permission && res.data == null;
      return refused ? [] : [`${f.name} (needs ${permission}, denied): ${show(res)}`];
    });
    expect(wrong).toEqual([]);
    expect(answers.length).toBe(judged.length);
  }, 30_000);

  it('is FORBIDDEN exactly the nested fields whose own permission it lacks, on every route to them', async () => {
    const reachable = routes.filter((r) => holds(role, permissionOf(r.root)));
    const answers = await runLimited(reachable, IN_FLIGHT, async (r) => ({ r, res: await api.gql(tokens.get(role)!, nestedQuery(r)) }));
    const wrong = answers.flatMap(({ r, res }) => {
      const codes = codesOf(res);
      const ok = holds(role, r.permission)
        ? codes.length === 0 && JSON.stringify(res.data).includes(`"${r.field.name}":`)
        : codes.length > 0 && codes.every((c) => c === 'FORBIDDEN') && res.errors!.every((e) => e.extensions?.permission === r.permission);
      return ok ? [] : [`${routeName(r)} (needs ${r.permission}): ${show(res)}`];
    });
    expect(wrong).toEqual([]);
  }, 30_000);
});
