import { randomUUID } from 'node:crypto';
import type { KitchenHandle } from '../core/types';
import { ensureAvailabilitySync, ensureOrderReconciliation, startMenuSync } from '../temporal/platform-client';
import type { Db } from '../db/client';
import { encryptCredentials } from '../platforms/credentials';
import { defaultProductId } from '../platforms/mapping';
import { startSandboxPlatform } from './server';
import { componentLogger } from '../config/logger';

export const DEMO_PLATFORM_NAME = 'Sandbox Marketplace';

/**
 * `npm start -- --with-sandbox-platform`: a sandbox marketplace connected to the demo tenant
 * the way an admin would connect a real one (fresh credentials each start, every dish assigned,
 * menu synced), which then places an order every `everyMs` so a newcomer sees platform orders
 * arrive on the board. Its control API is at <sandbox>/_control (orders, faults, clock, ledger).
 */
export async function connectDemoSandbox(opts: {
  prisma: Db;
  kitchen: KitchenHandle;
  apiUrl: string;
  tenantSlug: string;
  port?: number;
  everyMs?: number;
  log: (m: string) => void;
}): Promise<{ url: string; stop(): Promise<void> }> {
  const tenant = await opts.prisma.tenant.findUnique({ where: { slug: opts.tenantSlug } });
  if (!tenant) throw new Error(`--with-sandbox-platform: no tenant "${opts.tenantSlug}" (is the demo seed enabled?)`);
  // OAuth2 client credentials like a real marketplace: the connector fetches and refreshes expiring tokens.
  const oauth = { clientId: `brigade-demo-${randomUUID().slice(0, 8)}`, clientSecret: `sandbox-${randomUUID()}` };
  const secret = `whsec-${randomUUID()}`;
  const sandbox = await startSandboxPlatform({ port: opts.port ?? 0, oauth });
  const credentialsEncrypted = encryptCredentials({ ...oauth, webhookSecrets: [secret] });
  const config = { baseUrl: sandbox.url };
  const platform = await opts.prisma.platform.upsert({
    where: { tenantId_name: { tenantId: tenant.id, name: DEMO_PLATFORM_NAME } },
    create: { tenantId: tenant.id, name: DEMO_PLATFORM_NAME, type: 'DELIVERY', connector: 'generic-rest', config, credentialsEncrypted },
    update: { config, credentialsEncrypted, isActive: true },
  });
  const dishes = await opts.prisma.menuItem.findMany({
    where: { tenantId: tenant.id, isActive: true, workflowTemplateId: { not: null } },
    select: { id: true },
  });
  await opts.prisma.productPlatformAssignment.createMany({
    data: dishes.map((d) => ({ tenantId: tenant.id, platformId: platform.id, menuItemId: d.id, platformProductId: defaultProductId(d.id) })),
    skipDuplicates: true,
  });
  sandbox.control.setWebhookTarget({ url: `${opts.apiUrl}/webhooks/platforms/${platform.id}`, secret });
  const ref = { tenantId: tenant.id, platformId: platform.id };
  await startMenuSync(opts.kitchen, ref);
  await ensureAvailabilitySync(opts.kitchen, ref);
  await ensureOrderReconciliation(opts.kitchen, ref);

  const placeOrder = async () => {
    const assigned = await opts.prisma.productPlatformAssignment.findMany({
      where: { platformId: platform.id, isAvailable: true, menuItem: { isAvailable: true } },
      select: { platformProductId: true },
    });
    if (!assigned.length) return;
    const pick = assigned[Math.floor(Math.random() * assigned.length)];
    const id = `SB-${randomUUID().slice(0, 6).toUpperCase()}`;
    await sandbox.control.injectOrder({ id, items: [{ productId: pick.platformProductId!, quantity: 1 + Math.floor(Math.random() * 2) }] });
    opts.log(`sandbox platform placed order ${id}`);
  };
  const timer = setInterval(
    () => void placeOrder().catch((err) => componentLogger('sandbox').error({ err }, 'placing an order failed')),
    opts.everyMs ?? 90_000,
  );
  timer.unref();
  setTimeout(() => void placeOrder().catch(() => undefined), 5_000).unref();
  opts.log(`sandbox platform at ${sandbox.url} connected to tenant ${opts.tenantSlug} (control API: ${sandbox.url}/_control/ledger)`);
  return {
    url: sandbox.url,
    async stop() {
      clearInterval(timer);
      await sandbox.stop();
    },
  };
}
