import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import { loadEnv, type Env } from '../../config/env';
import type { Logger } from '../../config/logger';
import type { Db } from '../../db/client';
import { createYoga } from '../../api/graphql/yoga';
import { requestIds } from '../../api/request-id';

/**
 * Test-only (imported by *.test.ts): the Yoga endpoint on a tiny Express app on port 0, and a
 * fetch-based client. Real HTTP, real JSON, real headers, like a browser would send them.
 */
export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

export interface TestApi {
  url: string;
  env: Env;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  /** Logs in through the API and returns the access token. */
  login(tenant: string, email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestApi(prisma: Db, overrides: Partial<Record<keyof Env, string>> = {}, options: { logger?: Logger } = {}): Promise<TestApi> {
  const env = loadEnv({ ...process.env, NODE_ENV: 'test', JWT_SECRET: `graphql-test-${randomUUID()}`, ...overrides });
  const app = express();
  const yoga = createYoga({ prisma, env, logger: options.logger });
  app.use(requestIds());
  app.use(yoga.graphqlEndpoint, yoga as unknown as RequestHandler);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  const gql: TestApi['gql'] = async (query, variables = {}, token) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Omit<GqlResponse, 'status'>;
    return { status: res.status, ...body };
  };

  const login: TestApi['login'] = async (tenant, email, password) => {
    const res = await gql(
      'mutation ($tenant: String!, $email: String!, $password: String!) { login(tenant: $tenant, email: $email, password: $password) { accessToken } }',
      { tenant, email, password },
    );
    if (!res.data?.login) throw new Error(`login ${tenant}/${email} failed: ${JSON.stringify(res.errors)}`);
    return res.data.login.accessToken as string;
  };

  const close = () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  return { url, env, gql, login, close };
}

/** The single error of a response, with a readable failure when there is none or several. */
export function onlyError(res: GqlResponse) {
  if (res.errors?.length !== 1) throw new Error(`expected exactly one error, got ${JSON.stringify(res.errors ?? res.data)}`);
  return res.errors[0];
}

export const errorCode = (res: GqlResponse) => onlyError(res).extensions?.code as string | undefined;

/** A valid three-task recipe on the default test stations (prep → forno → packaging). */
export function simpleRecipe(minutes = { prep: 3, bake: 8, box: 1 }) {
  return {
    phases: [
      {
        id: 'phase_prep',
        name: 'Prep',
        order: 1,
        tasks: [{ id: 'task_prep', name: 'Stretch dough', station_type: 'prep', estimated_minutes: minutes.prep, depends_on: [], subtasks: [] }],
      },
      {
        id: 'phase_cook',
        name: 'Cook',
        order: 2,
        tasks: [
          { id: 'task_bake', name: 'Bake', station_type: 'forno', estimated_minutes: minutes.bake, depends_on: ['task_prep'], subtasks: [] },
          { id: 'task_box', name: 'Box', station_type: 'packaging', estimated_minutes: minutes.box, depends_on: ['task_bake'], subtasks: [] },
        ],
      },
    ],
  };
}
