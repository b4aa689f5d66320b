import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRestConnector } from '../platforms/rest-connector';
import { PermanentError, RateLimitedError, TransientError } from '../platforms/connector';
import { tokenSource } from '../platforms/oauth-token';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '../platforms/signature';
import { startSandboxPlatform, type SandboxPlatform } from './server';
import { setTimeout as sleep } from 'node:timers/promises';

// The sandbox marketplace itself, over real HTTP: a receiver on port 0 stands in for Brigade.
jest.setTimeout(30_000);

let sandbox: SandboxPlatform;
let receiver: Server;
let receiverUrl: string;
const received: Array<{ valid: boolean; body: any }> = [];
let answers: number[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const valid = verifySignature({
        secrets: ['receiver-secret'],
        timestamp: req.headers[TIMESTAMP_HEADER] as string,
        signature: req.headers[SIGNATURE_HEADER] as string,
        rawBody: raw,
        nowMs: Date.now(),
      }).ok;
      received.push({ valid, body: JSON.parse(raw.toString()) });
      res.statusCode = answers.shift() ?? 202;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  // Uploads stay "processing" for a second: a round trip on a loaded machine can outlast the default 100 ms.
  sandbox = await startSandboxPlatform({
    apiKey: 'k',
    acceptWindowMs: 60_000,
    menuProcessingMs: 1_000,
    webhook: { url: receiverUrl, secret: 'receiver-secret' },
  });
});
afterAll(async () => {
  await sandbox?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});
beforeEach(() => {
  received.length = 0;
  answers = [];
});

describe('the sandbox marketplace', () => {
  it('signs webhooks, retries until a 2xx and delivers duplicates when asked', async () => {
    answers = [500, 503];
    await sandbox.control.injectOrder({ id: 'o-retry', items: [{ productId: 'p1', quantity: 1 }], deliveries: 2 });
    await sandbox.control.idle();
    expect(received.map((r) => r.valid)).toEqual([true, true, true, true]);
    expect(new Set(received.map((r) => r.body.id)).size).toBe(1);
    expect(
      sandbox.control
        .deliveries()
        .filter((d) => d.eventId === received[0].body.id)
        .map((d) => d.status),
    ).toEqual([500, 503, 202, 202]);
  });

  it('auto-cancels an order nobody accepts before its deadline when the clock is advanced', async () => {
    await sandbox.control.injectOrder({ id: 'o-late', items: [{ productId: 'p1', quantity: 1 }] });
    sandbox.control.advanceClock(61_000);
    await sandbox.control.idle();
    expect(sandbox.control.order('o-late')?.status).toBe('cancelled');
    expect(received.filter((r) => r.body.data.order.id === 'o-late').map((r) => r.body.type)).toEqual(['order.placed', 'order.cancelled']);
    const api = createRestConnector({ baseUrl: sandbox.url }, 'k');
    await expect(api.acceptOrder('o-late', new Date().toISOString())).rejects.toThrow('HTTP 409');
  });

  it('answers injected 429s with Retry-After, 500s, expired tokens, and replays an Idempotency-Key instead of applying it twice', async () => {
    const api = createRestConnector({ baseUrl: sandbox.url, timeoutMs: 500 }, 'k');
    await sandbox.control.injectOrder({ id: 'o-faults', items: [{ productId: 'p1', quantity: 1 }] });
    sandbox.control.injectFault({ match: /accept$/, kind: '429', retryAfterSeconds: 7, times: 1 });
    sandbox.control.injectFault({ match: /accept$/, kind: '500', times: 1 });
    sandbox.control.injectFault({ match: /accept$/, kind: 'token-expired', times: 1 });
    const at = new Date().toISOString();
    const limited = await api.acceptOrder('o-faults', at, { idempotencyKey: 'accept:o-faults' }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterMs).toBe(7_000);
    await expect(api.acceptOrder('o-faults', at, { idempotencyKey: 'accept:o-faults' })).rejects.toBeInstanceOf(TransientError);
    await expect(api.acceptOrder('o-faults', at, { idempotencyKey: 'accept:o-faults' })).rejects.toThrow('unauthorized');
    await api.acceptOrder('o-faults', at, { idempotencyKey: 'accept:o-faults' });
    await api.acceptOrder('o-faults', at, { idempotencyKey: 'accept:o-faults' });
    expect(sandbox.control.order('o-faults')).toMatchObject({ status: 'accepted', readyTimes: [at] });
    const calls = sandbox.control.calls(/^POST \/v1\/orders\/o-faults\/accept$/, { includeReplayed: true });
    expect(calls.map((c) => [c.status, c.fault, c.replayed])).toEqual([
      [429, '429', false],
      [500, '500', false],
      [401, 'token-expired', false],
      [200, null, false],
      [200, null, true],
    ]);
  });

  it('commits a slow call before answering it late', async () => {
    const api = createRestConnector({ baseUrl: sandbox.url, timeoutMs: 300 }, 'k');
    await sandbox.control.injectOrder({ id: 'o-slow', items: [{ productId: 'p1', quantity: 1 }] });
    sandbox.control.injectFault({ match: /o-slow\/accept$/, kind: 'slow', delayMs: 1_000, times: 1 });
    await expect(api.acceptOrder('o-slow', new Date().toISOString())).rejects.toBeInstanceOf(TransientError);
    expect((await api.getOrder('o-slow')).status).toBe('accepted');
  });

  it('refuses calls without the API key and processes menu uploads asynchronously', async () => {
    const anonymous = createRestConnector({ baseUrl: sandbox.url });
    await expect(anonymous.getOrder('o-slow')).rejects.toThrow('unauthorized');
    const api = createRestConnector({ baseUrl: sandbox.url }, 'k');
    sandbox.control.rejectProduct('bad');
    const { uploadId } = await api.uploadMenu([
      { productId: 'good', name: 'Good', price: 5, available: true },
      { productId: 'bad', name: 'Bad', price: 1, available: true },
    ]);
    expect((await api.menuUploadResult(uploadId)).status).toBe('processing');
    await sleep(1_200);
    expect(await api.menuUploadResult(uploadId)).toEqual({ id: uploadId, status: 'done', errors: [{ productId: 'bad', message: 'rejected: invalid data' }] });
    await api.setItemAvailability('good', false);
    expect(sandbox.control.item('good')).toMatchObject({ available: false });
    await api.setStoreStatus('busy', 15);
    expect(sandbox.control.store()).toEqual({ status: 'busy', extraMinutes: 15 });
  });
});

describe('OAuth client credentials', () => {
  let oauth: SandboxPlatform;
  beforeAll(async () => {
    oauth = await startSandboxPlatform({ oauth: { clientId: 'brigade', clientSecret: 'client-secret', tokenTtlSeconds: 120 } });
  });
  afterAll(async () => {
    await oauth?.stop();
  });
  const source = (clientSecret: string) =>
    tokenSource(`sandbox-test-${randomUUID()}`, { tokenUrl: `${oauth.url}/oauth/token`, clientId: 'brigade', clientSecret, timeoutMs: 1_000 });

  it('issues an expiring token that the connector keeps, refreshes once when it expires, and repeats the refused call', async () => {
    await oauth.control.injectOrder({ id: 'o-oauth', items: [{ productId: 'p1', quantity: 1 }] });
    const api = createRestConnector({ baseUrl: oauth.url }, source('client-secret'));
    await api.getOrder('o-oauth');
    await api.getOrder('o-oauth');
    oauth.control.advanceClock(121_000); // the token's lifetime passes on the platform's clock
    expect((await api.getOrder('o-oauth')).id).toBe('o-oauth');

    expect(oauth.control.calls(/^POST \/oauth\/token$/).map((c) => c.status)).toEqual([200, 200]);
    expect(oauth.control.calls(/^GET \/v1\/orders\/o-oauth$/).map((c) => c.status)).toEqual([200, 200, 401, 200]);
    expect(JSON.stringify(oauth.control.ledger())).not.toContain('client-secret');
  });

  it('treats an injected expiry as a dead token (not one refused call), and refuses wrong client credentials for good', async () => {
    const issued = await fetch(`${oauth.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'brigade', client_secret: 'client-secret' }),
    });
    const { access_token: token, expires_in: ttl } = (await issued.json()) as { access_token: string; expires_in: number };
    expect(ttl).toBe(120);
    const holder = createRestConnector({ baseUrl: oauth.url }, token); // a client that cannot refresh
    await holder.getOrder('o-oauth');
    oauth.control.injectFault({ match: /^GET \/v1\/orders\/o-oauth$/, kind: 'token-expired', times: 1 });
    await expect(holder.getOrder('o-oauth')).rejects.toThrow('unauthorized');
    await expect(holder.getOrder('o-oauth')).rejects.toThrow('unauthorized');
    expect(
      oauth.control
        .calls(/^GET \/v1\/orders\/o-oauth$/)
        .slice(-3)
        .map((c) => [c.status, c.fault]),
    ).toEqual([
      [200, null],
      [401, 'token-expired'],
      [401, null],
    ]);

    // A refreshing client gets a new token and repeats the call once.
    const api = createRestConnector({ baseUrl: oauth.url }, source('client-secret'));
    await api.getOrder('o-oauth');
    oauth.control.injectFault({ match: /^PUT \/v1\/store\/status$/, kind: 'token-expired', times: 1 });
    const before = oauth.control.ledger().length;
    await api.setStoreStatus('paused', 0);
    expect(
      oauth.control
        .ledger()
        .slice(before)
        .map((c) => `${c.method} ${c.path} ${c.status}`),
    ).toEqual(['PUT /v1/store/status 401', 'POST /oauth/token 200', 'PUT /v1/store/status 200']);
    expect(oauth.control.store().status).toBe('paused');

    const wrong = createRestConnector({ baseUrl: oauth.url }, source('guessed'));
    await expect(wrong.getOrder('o-oauth')).rejects.toBeInstanceOf(PermanentError);
    await expect(createRestConnector({ baseUrl: oauth.url }, 'not-a-token').getOrder('o-oauth')).rejects.toThrow('unauthorized');
  });
});
