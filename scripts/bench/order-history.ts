import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';

/**
 * Delivered orders for a tenant, written straight to PostgreSQL: what `orders` lists after a few
 * busy days, for benchmarks that read orders rather than run them (no workflows, nothing open,
 * so the worker's ETA runs do not see them). Each order has ITEMS dishes of the tenant's menu,
 * each dish TASKS done tasks, as the kitchen leaves them.
 */
const ITEMS = 3;
const TASKS = 4;
const FIRST_NUMBER = 900_000;

export async function writeOrderHistory(prisma: Db, tenantSlug: string, orders: number): Promise<{ orders: number; items: number; tasks: number }> {
  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { slug: tenantSlug }, select: { id: true } });
  const menu = await prisma.menuItem.findMany({ where: { tenantId: tenant.id }, select: { id: true, name: true, price: true }, take: 20 });
  if (menu.length === 0) throw new Error(`tenant ${tenantSlug} has no menu`);
  const tenantId = tenant.id;
  const done = new Date(Date.now() - 3_600_000);

  const orderRows = [];
  const itemRows = [];
  const taskRows = [];
  for (let o = 0; o < orders; o++) {
    const orderId = randomUUID();
    orderRows.push({ id: orderId, tenantId, orderNumber: FIRST_NUMBER + o, channel: 'PHONE' as const, status: 'DELIVERED' as const, actualReadyAt: done });
    for (let i = 0; i < ITEMS; i++) {
      const dish = menu[(o + i) % menu.length];
      const orderItemId = randomUUID();
      itemRows.push({ id: orderItemId, tenantId, orderId, menuItemId: dish.id, unitPrice: dish.price, nameSnapshot: dish.name, status: 'DONE' as const });
      for (let t = 0; t < TASKS; t++) {
        taskRows.push({
          tenantId,
          orderId,
          orderItemId,
          taskDefId: `step_${t}`,
          phaseDefId: 'phase_1',
          name: `${dish.name} step ${t + 1}`,
          stationType: 'prep',
          status: 'DONE' as const,
          estimatedMinutes: 3,
          completedAt: done,
        });
      }
    }
  }
  await prisma.order.createMany({ data: orderRows });
  await prisma.orderItem.createMany({ data: itemRows });
  await prisma.taskInstance.createMany({ data: taskRows });
  return { orders: orderRows.length, items: itemRows.length, tasks: taskRows.length };
}
