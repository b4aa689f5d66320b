import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createRecipe, deleteTenants, unique } from './activity-fixtures';
import { loadEnv } from '../../config/env';
import { createPrisma, type Db } from '../../db/client';
import type { WorkflowDefinition } from '../../domain/recipe';
import { createTestTenant, type TestTenant } from './db';
import { startKitchenHarness, type KitchenHarness } from './kitchen-harness';
import { buildApp, type BuiltApp } from '../../api/app';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Test-only (imported by *.test.ts): the real app (buildApp) on real HTTP, port 0, with the real
 * kitchen behind it: the Temporal dev server and PostgreSQL from test/global-setup.ts, and a
 * worker in this process running the real workflows and activities on a task queue of its own.
 */
export interface GqlResult<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
}

export interface KitchenApi {
  h: KitchenHarness;
  prisma: Db;
  url: string;
  gql<T = any>(token: string, query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>>;
  /** A kitchen of its own: bench (banco ×2 slots), second bench, oven (forno), cold station; pizza and salad. */
  kitchen(): Promise<TestKitchen>;
  stop(): Promise<void>;
}

export interface TestKitchen {
  tenant: TestTenant;
  station: { bench: string; bench2: string; oven: string; cold: string };
  menu: { pizza: string; salad: string };
  /** Access tokens by role, obtained through the login mutation. */
  token: { manager: string; staff: string; operator: string };
}

/** Pizza: stretch (2 subtasks, one optional) → top → bake, 13 minutes on the critical path. */
export const PIZZA: WorkflowDefinition = {
  deduct_inventory_phase: 'prep',
  phases: [
    {
      id: 'prep',
      name: 'Prep',
      order: 1,
      tasks: [
        {
          id: 'stendi',
          name: 'Stendi impasto',
          station_type: 'banco',
          estimated_minutes: 3,
          depends_on: [],
          subtasks: [
            { id: 'pallina', name: 'Prendi la pallina', optional: false },
            { id: 'farina', name: 'Infarina il banco', optional: true },
          ],
        },
        { id: 'condisci', name: 'Condisci', station_type: 'banco', estimated_minutes: 2, depends_on: ['stendi'], subtasks: [] },
      ],
    },
    {
      id: 'cook',
      name: 'Cottura',
      order: 2,
      tasks: [{ id: 'inforna', name: 'Inforna', station_type: 'forno', estimated_minutes: 8, depends_on: ['condisci'], subtasks: [] }],
    },
  ],
};

export const SALAD: WorkflowDefinition = {
  phases: [
    {
      id: 'cold',
      name: 'Freddo',
      order: 1,
      tasks: [{ id: 'mescola', name: 'Mescola insalata', station_type: 'garde', estimated_minutes: 2, depends_on: [], subtasks: [] }],
    },
  ],
};

/**
 * `worker: false`: the API only; the test runs the worker (see startKitchenHarness). `env`: settings
 * of this API only (e.g. a higher per-user rate limit for a suite that sends hundreds of calls as one user).
 */
export async function startKitchenApi(name: string, opts: { worker?: boolean; env?: Record<string, string> } = {}): Promise<KitchenApi> {
  const h = await startKitchenHarness(name, opts);
  const env = loadEnv({ ...process.env, ...opts.env, NODE_ENV: 'test', JWT_SECRET: `kitchen-api-${randomUUID()}`, TEMPORAL_TASK_QUEUE: h.taskQueue });
  let built: BuiltApp | undefined;
  const tenants: string[] = [];
  try {
    built = await buildApp({
      prisma: h.prisma,
      env,
      temporal: { client: h.client, namespace: h.namespace },
      webDist: path.join(os.tmpdir(), `no-web-${randomUUID()}`),
    });
    const server = built.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const gql: KitchenApi['gql'] = async (token, query, variables = {}) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GqlResult;
    };

    const login = async (tenant: TestTenant, email: string) => {
      const res = await gql('', 'mutation($t: String!, $e: String!, $p: String!) { login(tenant: $t, email: $e, password: $p) { accessToken } }', {
        t: tenant.slug,
        e: email,
        p: tenant.password,
      });
      if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
      return res.data.login.accessToken as string;
    };

    const kitchen = async (): Promise<TestKitchen> => {
      const tenant = await createTestTenant(h.prisma, {
        stations: [
          { name: 'Banco', taskTypes: ['banco'], capacity: 2 },
          { name: 'Banco 2', taskTypes: ['banco'], capacity: 2 },
          { name: 'Forno', taskTypes: ['forno'], capacity: 2 },
          { name: 'Freddo', taskTypes: ['garde'], capacity: 2 },
        ],
      });
      tenants.push(tenant.id);
      const [bench, bench2, oven, cold] = tenant.stations.map((s) => s.id);
      const dish = async (dishName: string, recipe: WorkflowDefinition, price: number, allergens: string[]) => {
        const { template } = await createRecipe(h.prisma, tenant.id, recipe, unique(`${dishName} recipe`));
        const item = await h.prisma.menuItem.create({ data: { tenantId: tenant.id, name: dishName, price, allergens, workflowTemplateId: template.id } });
        return item.id;
      };
      const menu = { pizza: await dish('Margherita', PIZZA, 8.5, ['gluten', 'lactose']), salad: await dish('Insalata', SALAD, 6, []) };
      const token = {
        manager: await login(tenant, tenant.users.MANAGER.email),
        staff: await login(tenant, tenant.users.STAFF.email),
        operator: await login(tenant, tenant.users.OPERATOR.email),
      };
      return { tenant, station: { bench, bench2, oven, cold }, menu, token };
    };

    // Rows go after the worker stopped (nothing writes any more), through a client of their own
    // because stopping the harness disconnects its one.
    const stop = async () => {
      await built?.close();
      await h.stop();
      const cleanup = createPrisma(h.databaseUrl, { max: 2 });
      await deleteTenants(cleanup, tenants).finally(() => cleanup.$disconnect());
    };
    return { h, prisma: h.prisma, url, gql, kitchen, stop };
  } catch (err) {
    await built?.close();
    await h.stop();
    throw err;
  }
}

/** Polls `probe` until it returns a value (not undefined); for state the workflows reach on their own. */
export async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}
