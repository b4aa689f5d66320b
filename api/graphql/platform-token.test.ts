import { startMenuSync } from '../../temporal/platform-client';
import { usePlatformHarness } from '../../test/support/platform-harness';

// A platform that authenticates with OAuth2 client credentials (expiring tokens), against the
// sandbox marketplace over real HTTP, driven by the real menu sync workflow and activities.
jest.setTimeout(90_000);

const h = usePlatformHarness('platform-token-test');

describe('expiring platform tokens', () => {
  it('converges when the token expires in the middle of a menu sync: one refresh, every change committed once', async () => {
    const { k, p } = await h.connect({ oauth: true });
    const stored = await h.api.prisma.platform.findUniqueOrThrow({ where: { id: p.platformId } });
    expect(stored.credentialsEncrypted).not.toMatch(/secret-|client-/);

    // The upload has committed; the token dies while we wait for the platform's processing result.
    p.sandbox.control.injectFault({ match: /^GET \/v1\/menu\/uploads\//, kind: 'token-expired', times: 1 });
    const workflowId = await startMenuSync({ client: h.api.h.client, taskQueue: h.api.h.taskQueue }, { tenantId: k.tenant.id, platformId: p.platformId });
    const result = await h.api.h.client.workflow.getHandle(workflowId).result();

    expect(result).toMatchObject({ total: 2, done: 2, failed: 0, phase: 'done' });
    const ledger = p.sandbox.control.ledger();
    console.log(`menu sync with an expiring token: ${ledger.map((c) => `${c.method} ${c.path.replace(/upl_[\w-]+/, ':id')} ${c.status}`).join(' → ')}`);
    // One token at the start, one refresh after the expiry; the cached token served every other call.
    expect(p.sandbox.control.calls(/^POST \/oauth\/token$/).map((c) => c.status)).toEqual([200, 200]);
    expect(p.sandbox.control.calls(/^PUT \/v1\/menu$/, { includeReplayed: true }).map((c) => c.status)).toEqual([202]);
    const polls = p.sandbox.control.calls(/^GET \/v1\/menu\/uploads\//);
    expect(polls[0]).toMatchObject({ status: 401, fault: 'token-expired' });
    expect(polls.slice(1).every((c) => c.status === 200)).toBe(true);
    expect(ledger.indexOf(polls[0]) + 1).toBe(ledger.indexOf(p.sandbox.control.calls(/^POST \/oauth\/token$/)[1]));
    expect(p.sandbox.control.item(p.products.salad)).toMatchObject({ name: 'Insalata', available: true });
    expect(p.sandbox.control.item(p.products.pizza)).toMatchObject({ name: 'Margherita', available: true });
  });
});
