import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { loadEnv, type Env } from '../config/env';
import { testPrisma } from '../test/support/db';
import { startApiServer, type RunningApiServer } from './server';

/**
 * HTTP hardening over real http against the composed app: helmet's headers and the web app's
 * Content-Security-Policy, CORS for configured origins only (GraphQL and Socket.io), and GraphiQL
 * and introspection on in development, off in production. e2e/graphiql.test.ts and the e2e flows
 * load the real pages in Chromium under these policies.
 */
const prisma = testPrisma();
const LISTED = 'https://pos.example.com';
let webDist: string;
const servers: RunningApiServer[] = [];

beforeAll(() => {
  webDist = mkdtempSync(path.join(os.tmpdir(), 'brigade-web-'));
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Brigade</title><div id="root"></div>');
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(webDist, { recursive: true, force: true });
});

async function start(vars: Record<string, string>): Promise<{ url: string; env: Env }> {
  const env = loadEnv({ ...process.env, NODE_ENV: 'test', JWT_SECRET: `security-${randomUUID()}`, ...vars });
  const server = await startApiServer({ prisma, env, temporal: null, port: 0, host: '127.0.0.1', webDist });
  servers.push(server);
  return { url: server.url, env };
}

const post = (url: string, query: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

describe('security headers', () => {
  it('sends a Content-Security-Policy with no inline script or style, and forbids framing', async () => {
    const { url } = await start({});
    for (const route of ['/', '/kds/grill']) {
      const res = await fetch(`${url}${route}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('matches the web app: its index.html has no inline script, style or event handler', () => {
    // Vite turns the entry into <script type="module" src> and <link rel="stylesheet"> tags.
    const html = readFileSync(path.join(__dirname, '..', 'web', 'index.html'), 'utf8');
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
    expect(html.match(/<style|\sstyle=|\son[a-z]+=/gi)).toBeNull();
  });
});

describe('CORS', () => {
  let url: string;
  beforeAll(async () => ({ url } = await start({ CORS_ORIGINS: `${LISTED}, https://ops.example.com/` })));

  it('reads CORS_ORIGINS as a comma-separated list; none by default', () => {
    expect(loadEnv({ CORS_ORIGINS: `${LISTED}, https://ops.example.com/` }).CORS_ORIGINS).toEqual([LISTED, 'https://ops.example.com']);
    expect(loadEnv({}).CORS_ORIGINS).toEqual([]);
  });

  it('answers a listed origin with its own origin and credentials, on requests and preflights', async () => {
    const res = await post(url, '{ __typename }', { origin: LISTED });
    expect(res.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toMatch(/Origin/);
    const preflight = await fetch(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: LISTED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
  });

  it('gives any other origin no CORS header at all', async () => {
    for (const origin of ['https://evil.example.com', 'null']) {
      const res = await post(url, '{ __typename }', { origin });
      expect(res.status).toBe(200); // answered, but the browser will not let that page read it
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      const preflight = await fetch(`${url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('applies the same list to Socket.io', async () => {
    const handshake = (origin: string) => fetch(`${url}/socket.io/?EIO=4&transport=polling`, { headers: { origin } });
    const listed = await handshake(LISTED);
    expect(listed.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(listed.headers.get('access-control-allow-credentials')).toBe('true');
    expect((await handshake('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('GraphiQL and introspection', () => {
  it('are off by default in production, and configurable', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'p'.repeat(20),
      JWT_REFRESH_SECRET: 'r'.repeat(20),
      DATABASE_URL: 'postgresql://db/brigade',
      TEMPORAL_ADDRESS: 'temporal:7233',
      CREDENTIALS_KEY: 'k'.repeat(44),
    };
    expect(loadEnv(production)).toMatchObject({ GRAPHIQL: false, GRAPHQL_INTROSPECTION: false });
    expect(loadEnv({ ...production, GRAPHIQL: 'true' })).toMatchObject({ GRAPHIQL: true, GRAPHQL_INTROSPECTION: false });
    expect(loadEnv({})).toMatchObject({ GRAPHIQL: true, GRAPHQL_INTROSPECTION: true });
    expect(() => loadEnv({ GRAPHIQL: 'yes' })).toThrow(/GRAPHIQL/);
  });

  it('when off: no GraphiQL page, introspection refused, no field suggestions', async () => {
    const { url } = await start({ GRAPHIQL: 'false', GRAPHQL_INTROSPECTION: 'false' });
    const page = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(406); // Yoga: this endpoint has nothing in HTML to offer
    expect(await page.text()).not.toMatch(/<html/i);

    for (const query of [getIntrospectionQuery(), '{ __type(name: "Order") { fields { name } } }']) {
      const body = await (await post(url, query)).json();
      expect(body).not.toHaveProperty('data');
      expect(body.errors[0].message).toMatch(/introspection has been disabled/);
    }
    expect((await (await post(url, '{ __typename }')).json()).data).toEqual({ __typename: 'Query' });
    const typo = await (await post(url, '{ orderz { id } }')).json();
    expect(typo.errors[0].message).toBe('Cannot query field "orderz" on type "Query".');
  });

  it('when on: GraphiQL with its assets inline (no CDN) under its own policy, and its schema query passes the limits', async () => {
    const { url } = await start({ GRAPHIQL: 'true', GRAPHQL_INTROSPECTION: 'true' });
    const res = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<title>Brigade GraphQL</title>');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*href="?https?:/i);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdnjs/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');

    const schema = await (await post(url, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))).json();
    expect(schema.errors).toBeUndefined();
    expect(schema.data.__schema.queryType).toMatchObject({ name: 'Query' });
  });
});
