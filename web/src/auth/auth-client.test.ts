import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthClient } from './auth-client';
import type { Session } from './session';

/** sessionStorage stand-in (Node has none); same contract, in memory. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const session = (n: number, expiresInMs: number): Session => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
  user: { id: 'u1', name: 'Maria', email: 'maria@demo.test', role: 'MANAGER', locale: null },
  tenant: { id: 't1', name: 'Demo', slug: 'demo', locale: 'en', timeZone: null, currency: 'EUR' },
});

/**
 * A real HTTP endpoint with the API's refresh contract (rotation: a refresh token works once,
 * reuse is UNAUTHENTICATED). The full API is exercised by the end-to-end tests; this isolates the
 * client's single-flight and expiry behaviour.
 */
async function startAuthServer() {
  const used = new Set<string>();
  let issued = 1;
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { query, variables } = JSON.parse(body) as { query: string; variables: { refreshToken: string } };
      requests.push(query.match(/mutation (\w+)/)?.[1] ?? '?');
      res.setHeader('content-type', 'application/json');
      if (used.has(variables.refreshToken)) {
        res.end(JSON.stringify({ errors: [{ message: 'Refresh token has already been used or revoked', extensions: { code: 'UNAUTHENTICATED' } }] }));
        return;
      }
      used.add(variables.refreshToken);
      res.end(JSON.stringify({ data: { refresh: session(++issued, 15 * 60_000) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}/graphql`, requests, used, close: () => new Promise((r) => server.close(r)) };
}

describe('auth client', () => {
  let server: Awaited<ReturnType<typeof startAuthServer>>;
  let auth: AuthClient | undefined;
  beforeEach(async () => {
    server = await startAuthServer();
  });
  afterEach(async () => {
    auth?.dispose();
    await server.close();
  });

  function signedIn(expiresInMs: number): { auth: AuthClient; storage: MemoryStorage } {
    const storage = new MemoryStorage();
    storage.setItem('brigade.session', JSON.stringify(session(1, expiresInMs)));
    auth = new AuthClient({ storage, endpoint: server.endpoint });
    return { auth, storage };
  }

  it('uses the stored token without asking the server while it is fresh', async () => {
    const { auth } = signedIn(10 * 60_000);
    expect(await auth.token()).toBe('access-1');
    expect(server.requests).toEqual([]);
  });

  it('refreshes an expiring token once even when many requests ask at the same moment', async () => {
    const { auth, storage } = signedIn(1_000);
    const tokens = await Promise.all([auth.token(), auth.token(), auth.token(), auth.refresh().then((s) => s?.accessToken)]);
    expect(tokens).toEqual(['access-2', 'access-2', 'access-2', 'access-2']);
    expect(server.requests).toEqual(['Refresh']);
    expect(JSON.parse(storage.getItem('brigade.session')!).refreshToken).toBe('refresh-2');
  });

  it('ends the session with a reason when the server refuses the refresh token', async () => {
    const { auth, storage } = signedIn(1_000);
    server.used.add('refresh-1');
    let notified = 0;
    auth.subscribe(() => notified++);
    expect(await auth.token()).toBeNull();
    expect(auth.getSession()).toBeNull();
    expect(storage.getItem('brigade.session')).toBeNull();
    expect(auth.endedReason).toMatch(/sign in again/);
    expect(notified).toBe(1);
  });

  it('keeps a session adopted while a refresh with the old token was out (a password change ended that token)', async () => {
    const { auth, storage } = signedIn(1_000);
    server.used.add('refresh-1');
    const refreshing = auth.refresh();
    auth.adopt(session(7, 15 * 60_000));
    expect(await refreshing).toMatchObject({ refreshToken: 'refresh-7' });
    expect(auth.getSession()?.accessToken).toBe('access-7');
    expect(JSON.parse(storage.getItem('brigade.session')!).refreshToken).toBe('refresh-7');
    expect(auth.endedReason).toBeNull();
  });
});
