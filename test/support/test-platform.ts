import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { encryptCredentials } from '../../platforms/credentials';
import { startSandboxPlatform, type SandboxPlatform } from '../../sandbox-platform/server';
import type { KitchenApi, TestKitchen } from './kitchen-api';

/**
 * Test-only: a sandbox marketplace (real HTTP) connected to a test kitchen the way an admin would
 * connect a real one: a Platform row with encrypted credentials, assignments for its dishes,
 * and the sandbox delivering signed webhooks to the real app.
 */
export interface ConnectedPlatform {
  sandbox: SandboxPlatform;
  platformId: string;
  secret: string;
  products: { pizza: string; salad: string };
  webhookUrl: string;
}

/** `oauth`: the platform issues expiring tokens for a client id/secret instead of taking a static API key. */
export async function connectSandbox(api: KitchenApi, k: TestKitchen, opts: { timeoutMs?: number; oauth?: boolean } = {}): Promise<ConnectedPlatform> {
  const apiKey = `key-${randomUUID()}`;
  const oauth = { clientId: `client-${randomUUID().slice(0, 8)}`, clientSecret: `secret-${randomUUID()}` };
  const secret = `whsec-${randomUUID()}`;
  const sandbox = await startSandboxPlatform(opts.oauth ? { oauth } : { apiKey });
  const platform = await api.prisma.platform.create({
    data: {
      tenantId: k.tenant.id,
      name: `Sandbox ${randomUUID().slice(0, 6)}`,
      type: 'DELIVERY',
      connector: 'generic-rest',
      config: { baseUrl: sandbox.url, timeoutMs: opts.timeoutMs ?? 1_000 },
      credentialsEncrypted: encryptCredentials(opts.oauth ? { ...oauth, webhookSecrets: [secret] } : { apiKey, webhookSecrets: [secret] }),
    },
  });
  const products = { pizza: `sb-pizza-${randomUUID().slice(0, 6)}`, salad: `sb-salad-${randomUUID().slice(0, 6)}` };
  await api.prisma.productPlatformAssignment.createMany({
    data: [
      { tenantId: k.tenant.id, platformId: platform.id, menuItemId: k.menu.pizza, platformProductId: products.pizza },
      { tenantId: k.tenant.id, platformId: platform.id, menuItemId: k.menu.salad, platformProductId: products.salad },
    ],
  });
  const webhookUrl = `${api.url}/webhooks/platforms/${platform.id}`;
  sandbox.control.setWebhookTarget({ url: webhookUrl, secret });
  return { sandbox, platformId: platform.id, secret, products, webhookUrl };
}

/** Platform rows reference menu items and the tenant: they go before the harness deletes the tenants. */
export async function deletePlatformRows(prisma: Db, tenantIds: string[]): Promise<void> {
  const where = { tenantId: { in: tenantIds } };
  await prisma.syncLog.deleteMany({ where });
  await prisma.platformWebhookEvent.deleteMany({ where });
  await prisma.platformOrder.deleteMany({ where });
  await prisma.productPlatformAssignment.deleteMany({ where });
  await prisma.platform.deleteMany({ where });
}
