import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { startApiServer, type RunningApiServer } from '../api/server';
import { loadEnv } from '../config/env';
import { createPrisma, type Db } from '../db/client';
import { requireTestEnv } from '../test/support/db';
import { launchBrowser, type E2eBrowser, type E2ePage } from './support/browser';

/**
 * GraphiQL in real Chromium: it works offline (every asset comes from our own page; no request
 * leaves this machine) and under its own Content-Security-Policy, which allows its one inline
 * script by hash. No kitchen needed: the query it runs is `{ __typename }`.
 */
jest.setTimeout(90_000);

let prisma: Db;
let server: RunningApiServer;
let browser: E2eBrowser;
let tab: E2ePage;
const elsewhere: string[] = [];

beforeAll(async () => {
  prisma = createPrisma(requireTestEnv('DATABASE_URL'), { max: 2 });
  const env = loadEnv({ ...process.env, NODE_ENV: 'test', JWT_SECRET: `graphiql-${randomUUID()}`, GRAPHIQL: 'true', LOG_LEVEL: 'warn' });
  [server, browser] = await Promise.all([
    startApiServer({ prisma, env, temporal: null, port: 0, host: '127.0.0.1', webDist: path.join(__dirname, 'no-web') }),
    launchBrowser(),
  ]);
  tab = await browser.page('graphiql');
  tab.page.setDefaultTimeout(20_000);
  const own = new URL(server.url).host;
  tab.page.on('request', (req) => {
    const url = new URL(req.url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.host !== own) elsewhere.push(req.url());
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await prisma?.$disconnect();
});

it('GraphiQL loads from the API alone and runs a query, with no policy violation', async () => {
  const { page } = tab;
  // GraphiQL opens with the query of its URL in the editor.
  await page.goto(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
  await page.locator('.graphiql-query-editor').getByText('__typename').waitFor();
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.graphiql-response').getByText('"Query"').waitFor();
  expect(elsewhere).toEqual([]);
  expect(tab.errors).toEqual([]);
});
