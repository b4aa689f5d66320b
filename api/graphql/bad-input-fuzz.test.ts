import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { schema } from './schema';
import { startKitchenApi, type GqlResult, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';

/**
 * Every argument of every Query and Mutation field, found by walking the schema (so a field added
 * tomorrow is fuzzed too): each string leaf, however deeply nested in input objects and lists,
 * gets a NUL character and a 100 kB string, each number an overflow, one at a time, with the
 * other arguments valid (real ids of this kitchen's rows where the name says what they are).
 * Never a 500; a bad string is always refused; and no row of the kitchen changes.
 */
jest.setTimeout(300_000);

let api: KitchenApi;
let k: TestKitchen;
let owner: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await startKitchenApi('bad-input-fuzz');
  k = await api.kitchen();
  owner = (await api.gql('', LOGIN, { t: k.tenant.slug, e: k.tenant.users.OWNER.email, p: k.tenant.password })).data.login.accessToken;
  const inventory = await api.prisma.inventoryItem.create({ data: { tenantId: k.tenant.id, name: 'Flour', unit: 'kg', currentStock: 10 } });
  const pizza = await api.prisma.menuItem.findUniqueOrThrow({ where: { id: k.menu.pizza } });
  // A platform row only (nothing listens at its URL): enough for the platform fields to look past the id.
  const platform = await api.prisma.platform.create({
    data: { tenantId: k.tenant.id, name: 'Fuzz marketplace', type: 'DELIVERY', connector: 'generic-rest', config: { baseUrl: 'http://127.0.0.1:9' } },
  });
  const order = await api.gql(k.token.operator, 'mutation($i: CreateOrderInput!) { createOrder(input: $i) { id } }', {
    i: { channel: 'PHONE', items: [{ menuItemId: k.menu.pizza, quantity: 1 }] },
  });
  Object.assign(ids, {
    station: k.station.oven,
    menuItem: k.menu.pizza,
    inventoryItem: inventory.id,
    workflowTemplate: pizza.workflowTemplateId!,
    user: k.tenant.users.STAFF.id,
    order: order.data.createOrder.id,
    platform: platform.id,
  });
});
afterAll(async () => {
  // The shared teardown knows no platforms: ours goes first (nothing refers to it, as nothing was stored).
  if (ids.platform) await api.prisma.platform.delete({ where: { id: ids.platform } });
  await api?.stop();
});

const LOGIN = 'mutation($t: String!, $e: String!, $p: String!) { login(tenant: $t, email: $e, password: $p) { accessToken } }';
const STRING_SCALARS = new Set(['String', 'ID', 'JSON', 'DateTime', 'Decimal']);
const NUL = 'fuzz\u0000value';
const LONG = 'x'.repeat(100_000);
/** Codes that say "refused": the input, or who asks, or a row that is not there. Never INTERNAL_SERVER_ERROR. */
const REFUSED = ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED'];

/** An id of this kitchen's row when the argument (or its field) names what it is; otherwise an unknown one. */
function idFor(arg: string, field: string): string {
  const name = arg === 'id' ? field : arg;
  const kinds: [RegExp, string][] = [
    [/inventory|itemId$/i, 'inventoryItem'],
    [/menuItem|RecipeIngredients/i, 'menuItem'],
    [/workflowTemplate/i, 'workflowTemplate'],
    [/station/i, 'station'],
    [/user/i, 'user'],
    [/order/i, 'order'],
  ];
  const kind = /^platform(Id|Store|SyncLogs|Orders|Assignments)?$|^(re)?syncPlatform|assignPlatform/i.test(name)
    ? 'platform'
    : kinds.find(([re]) => re.test(name) && !/platform|task/i.test(name))?.[1];
  return kind ? ids[kind] : randomUUID();
}

/** A valid value for a required argument or input field, by its type and name. */
function validValue(type: GraphQLInputType, name: string, field: string): unknown {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return [validValue(inner.ofType, name.replace(/s$/, ''), field)];
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields()).filter((f) => isNonNullType(f.type));
    return Object.fromEntries(fields.map((f) => [f.name, validValue(f.type, f.name, field)]));
  }
  const named = getNamedType(inner).name;
  const strings: Record<string, string> = {
    tenant: k.tenant.slug,
    // Logging in needs a real account; anywhere else a new address, so no CONFLICT hides a missing check.
    email: field === 'login' ? k.tenant.users.OWNER.email : `fuzz-${randomUUID().slice(0, 8)}@example.com`,
    password: 'fuzz-password-1',
    baseUrl: 'https://platform.example',
    webhookSecret: 'fuzz-secret-123',
    taskType: 'forno',
    status: 'online',
    reason: 'fuzzing',
  };
  if (named === 'ID') return idFor(name, field);
  if (named === 'String') return strings[name] ?? 'fuzz';
  if (named === 'Int') return 1;
  if (named === 'Float') return 1;
  if (named === 'Boolean') return false;
  if (named === 'Decimal') return '1';
  if (named === 'DateTime') return new Date(Date.now() + 86_400_000).toISOString();
  if (named === 'JSON') return {};
  throw new Error(`no valid value for scalar ${named}`);
}

interface Leaf {
  /** Argument name, then input field names / list indexes. */
  path: (string | number)[];
  scalar: string;
}

/** Every scalar leaf reachable from an argument, through input objects and lists (depth-limited for recursive inputs). */
function leaves(type: GraphQLInputType, path: (string | number)[], depth = 0): Leaf[] {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return leaves(inner.ofType, [...path, 0], depth);
  if (isInputObjectType(inner)) {
    if (depth > 4) return [];
    return Object.values(inner.getFields()).flatMap((f) => leaves(f.type, [...path, f.name], depth + 1));
  }
  return isScalarType(inner) ? [{ path, scalar: inner.name }] : [];
}

/** The arguments with one leaf replaced, creating the optional objects/lists on its way. */
function withValue(field: GraphQLField<unknown, unknown>, leaf: Leaf, bad: unknown): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const arg of field.args) if (isNonNullType(arg.type)) args[arg.name] = validValue(arg.type, arg.name, field.name);
  let holder: Record<string | number, unknown> = args;
  let type: GraphQLInputType = field.args.find((a) => a.name === leaf.path[0])!.type;
  leaf.path.forEach((key, i) => {
    if (i === leaf.path.length - 1) {
      holder[key] = bad;
      return;
    }
    const nextKey = leaf.path[i + 1];
    const nextType = childType(type, nextKey);
    if (holder[key] == null)
      holder[key] = typeof nextKey === 'number' ? [] : (validValue(getNullableType(type) as GraphQLInputType, String(key), field.name) ?? {});
    if (typeof nextKey === 'number' && (holder[key] as unknown[]).length === 0) {
      (holder[key] as unknown[]).push(validValue(nextType, String(key), field.name));
    }
    holder = holder[key] as Record<string | number, unknown>;
    type = nextType;
  });
  return args;
}

function childType(type: GraphQLInputType, key: string | number): GraphQLInputType {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return inner.ofType;
  if (isInputObjectType(inner)) return inner.getFields()[key].type;
  throw new Error(`no child ${key} in ${String(type)}`);
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): string {
  const used = field.args.filter((a: GraphQLArgument) => a.name in args);
  const defs = used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? '' : ` { __typename${saysOk(field) ? ' ok' : ''} }`;
  return `${kind}${defs ? `(${defs})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
}

/** A dry run (validateWorkflowDefinition) answers a bad input with `ok: false` as data, not an error. */
function saysOk(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return isObjectType(type) && getNamedType(type.getFields().ok?.type ?? type).name === 'Boolean';
}

function badValues(scalar: string): { label: string; value: unknown; mustRefuse: boolean }[] {
  if (STRING_SCALARS.has(scalar)) {
    const json = scalar === 'JSON';
    return [
      { label: 'a NUL character', value: json ? { name: NUL } : NUL, mustRefuse: true },
      { label: 'a 100 kB string', value: json ? { name: LONG } : LONG, mustRefuse: true },
      ...(scalar === 'Decimal' ? [{ label: 'an overflowing decimal', value: '999999999999.9999', mustRefuse: true }] : []),
    ];
  }
  if (scalar === 'Int')
    return [
      { label: 'the largest Int', value: 2_147_483_647, mustRefuse: false },
      { label: '1e12', value: 1e12, mustRefuse: true },
    ];
  if (scalar === 'Float') return [{ label: '1e12', value: 1e12, mustRefuse: false }];
  return [];
}

/**
 * The tables of the tenant, each digested whole, except where the kitchen itself keeps writing
 * (the fixture order's workflow moves statuses and ETAs): there only what a request could set.
 */
const TABLES: Record<string, string> = {
  orders: 'id, customer_name, customer_phone, customer_address, notes, priority, requested_at, total_amount, cancel_reason, idempotency_key',
  order_items: 'id, quantity, modifications, notes, unit_price',
};
for (const table of [
  'tenants',
  'users',
  'user_sessions',
  'stations',
  'workflow_templates',
  'workflow_template_versions',
  'menu_items',
  'recipe_ingredients',
  'inventory_items',
  'inventory_movements',
  'orders',
  'order_items',
  'platforms',
  'product_platform_assignments',
  'platform_orders',
  'audit_logs',
])
  TABLES[table] ??= 'r.*';

/** One digest per table of this tenant's rows: any insert, update or delete changes it. */
async function fingerprint(): Promise<Record<string, string>> {
  const columns = Object.entries(TABLES).map(
    ([t, cols]) =>
      `(SELECT md5(coalesce(string_agg(row(${cols})::text, '|' ORDER BY r.id), '')) FROM ${t} r WHERE ${t === 'tenants' ? 'id' : 'tenant_id'} = $1::uuid) AS ${t}`,
  );
  const [row] = await api.prisma.$queryRawUnsafe<Record<string, string>[]>(`SELECT ${columns.join(', ')}`, k.tenant.id);
  return row;
}

function cases() {
  const out: { name: string; kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown>; leaf: Leaf }[] = [];
  for (const [kind, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type!.getFields())) {
      for (const arg of field.args) {
        for (const leaf of leaves(arg.type, [arg.name])) out.push({ name: `${field.name}(${leaf.path.join('.')})`, kind, field, leaf });
      }
    }
  }
  return out;
}

const CASES = cases();

it('finds the arguments to fuzz in the schema itself', () => {
  // A sanity floor: if the walk broke, the test below would pass vacuously.
  expect(CASES.length).toBeGreaterThan(100);
  expect(CASES.map((c) => c.name)).toEqual(expect.arrayContaining(['login(password)', 'createOrder(input.customerPhone)', 'createOrder(input.items.0.notes)']));
});

/** A request stuck on a workflow that retries a refused write forever is a failure of its own, not a test timeout. */
function answerWithin(ms: number, answer: Promise<GqlResult>): Promise<GqlResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<GqlResult>((resolve) => {
    timer = setTimeout(() => resolve({ errors: [{ message: `no answer within ${ms} ms`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }), ms);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

it('answers every bad argument of every field without a 500, refuses every bad string, and stores nothing', async () => {
  const before = await fingerprint();
  const failures: string[] = [];
  for (const c of CASES) {
    for (const bad of badValues(c.leaf.scalar)) {
      const args = withValue(c.field, c.leaf, bad.value);
      const res = await answerWithin(15_000, api.gql(owner, operation(c.kind, c.field, args), args));
      const codes = (res.errors ?? []).map((e) => String(e.extensions?.code));
      if (saysOk(c.field) && res.data?.[c.field.name]?.ok === false) codes.push('BAD_USER_INPUT');
      const what = `${c.name} with ${bad.label}`;
      if (codes.includes('INTERNAL_SERVER_ERROR')) failures.push(`${what}: INTERNAL_SERVER_ERROR (${res.errors![0].message})`);
      else if (bad.mustRefuse && (codes.length === 0 || !codes.every((code) => REFUSED.includes(code))))
        failures.push(`${what}: not refused (${codes.join(', ') || 'accepted'})`);
      const after = await fingerprint();
      const changed = Object.keys(TABLES).filter((t) => after[t] !== before[t]);
      if (changed.length) {
        failures.push(`${what}: changed ${changed.join(', ')}`);
        Object.assign(before, after);
      }
    }
  }
  expect(failures).toEqual([]);
});

it('refuses a NUL anywhere in a request, even in a literal, naming where it is', async () => {
  const res = await api.gql(owner, 'mutation { createStation(input: { name: "Ov\\u0000en", taskTypes: ["forno"] }) { id } }');
  expect(res.errors).toEqual([
    expect.objectContaining({
      message: 'Invalid input: input.name: must not contain a NUL character',
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.name' }),
    }),
  ]);
  expect(await api.prisma.station.count({ where: { tenantId: k.tenant.id, name: { startsWith: 'Ov' } } })).toBe(0);
});
