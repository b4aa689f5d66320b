import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../../../db/client';
import { ROLES, type RoleName } from '../../../domain/auth/permissions';
import { encryptCredentials } from '../../../platforms/credentials';
import { demo2Kitchen } from '../../../prisma/seed/demo2-kitchen';
import type { KitchenSpec } from '../../../prisma/seed/kitchen-spec';
import { seedKitchen } from '../../../prisma/seed/seed-kitchen';
import { TEST_PASSWORD } from '../db';

/**
 * Test-only: a tenant for the security suites, built like `demo2` (its seed spec, so stations,
 * recipes with versions, menu, inventory) plus one row of everything the seed leaves out: an
 * order with an item, a queued task and its subtask, a platform with an assignment, a platform
 * order in review and a sync log, a delivery, a stock movement, a shift and an audit row. Every name
 * carries the tenant's `marker`, so a response that shows any of its rows is easy to spot.
 */
export type Entity =
  | 'station'
  | 'menuItem'
  | 'inventoryItem'
  | 'workflowTemplate'
  | 'order'
  | 'task'
  | 'subtask'
  | 'platform'
  | 'platformAssignment'
  | 'platformOrder'
  | 'user'
  | 'delivery'
  | 'rider'
  | 'boardScreen'
  | 'shift'
  | 'modifierGroup'
  | 'modifierOption';

export interface SecurityTenant {
  id: string;
  slug: string;
  marker: string;
  password: string;
  users: Record<RoleName, { id: string; email: string }>;
  /** One row id of each entity an API argument can name. */
  ids: Record<Entity, string>;
}

function markedSpec(marker: string): KitchenSpec {
  const mark = (name: string) => `${name} ${marker}`;
  const slug = `sec-${marker}`;
  return {
    ...demo2Kitchen,
    slug,
    name: mark('Security kitchen'),
    stations: demo2Kitchen.stations.map((s) => ({ ...s, name: mark(s.name) })),
    inventory: demo2Kitchen.inventory.map((i) => ({ ...i, name: mark(i.name) })),
    menu: demo2Kitchen.menu.map((m) => ({
      ...m,
      name: mark(m.name),
      ingredients: Object.fromEntries(Object.entries(m.ingredients).map(([name, qty]) => [mark(name), qty])),
    })),
    users: ROLES.map((role) => ({ email: `${role.toLowerCase()}@${slug}.test`, name: mark(role), role, password: TEST_PASSWORD })),
  };
}

/** `marketplace`: where the tenant's platform lives (a sandbox); by default nowhere (port 9, discard). */
export async function createSecurityTenant(prisma: Db, opts: { marketplace?: { url: string; apiKey: string } } = {}): Promise<SecurityTenant> {
  const marker = `mk${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const spec = markedSpec(marker);
  await seedKitchen(prisma, spec);
  const tenant = await prisma.tenant.findUniqueOrThrow({
    where: { slug: spec.slug },
    include: { users: true, stations: { orderBy: { displayOrder: 'asc' } }, menuItems: true, inventoryItems: true },
  });
  const tenantId = tenant.id;
  const users = Object.fromEntries(tenant.users.map((u) => [u.role, { id: u.id, email: u.email }])) as SecurityTenant['users'];
  const station = tenant.stations[0];
  const menuItem = tenant.menuItems.find((m) => m.workflowTemplateId)!;
  const version = await prisma.workflowTemplateVersion.findFirstOrThrow({ where: { tenantId, templateId: menuItem.workflowTemplateId! } });

  const order = await prisma.order.create({
    data: {
      tenantId,
      orderNumber: 9001,
      channel: 'PHONE',
      status: 'PREPARING',
      customerName: `Customer ${marker}`,
      customerPhone: '+49 30 1234567',
      customerAddress: `Via Roma 1 ${marker}`,
      fulfillment: 'DELIVERY',
      items: { create: { tenantId, menuItemId: menuItem.id, workflowVersionId: version.id, unitPrice: menuItem.price, nameSnapshot: menuItem.name } },
    },
    include: { items: true },
  });
  const task = await prisma.taskInstance.create({
    data: {
      tenantId,
      orderId: order.id,
      orderItemId: order.items[0].id,
      taskDefId: 'patty',
      phaseDefId: 'cook',
      name: `Grill the patty ${marker}`,
      stationType: station.taskTypes[0],
      stationId: station.id,
      status: 'QUEUED',
      estimatedMinutes: 5,
      queuedAt: new Date(),
      queuePosition: 1,
      subtasks: { create: { tenantId, subtaskDefId: 'flip', name: `Flip ${marker}` } },
    },
    include: { subtasks: true },
  });
  const platform = await prisma.platform.create({
    data: {
      tenantId,
      name: `Platform ${marker}`,
      type: 'DELIVERY',
      connector: 'generic-rest',
      config: { baseUrl: opts.marketplace?.url ?? 'http://127.0.0.1:9', timeoutMs: 1_000 },
      credentialsEncrypted: encryptCredentials({ apiKey: opts.marketplace?.apiKey ?? `key-${marker}`, webhookSecrets: [`whsec-${marker}`] }),
      assignments: { create: { tenantId, menuItemId: menuItem.id, platformProductId: `product-${marker}`, platformName: `Dish ${marker}` } },
      orders: {
        create: {
          tenantId,
          platformOrderId: `po-${marker}`,
          status: 'needs_review',
          needsReview: true,
          reviewReason: `Unknown item ${marker}`,
          payload: { id: `po-${marker}`, status: 'placed', items: [{ productId: `unknown-${marker}`, name: `Mystery ${marker}`, quantity: 1 }] },
        },
      },
      syncLogs: { create: { tenantId, kind: 'menu_full', status: 'ok', request: { marker } } },
    },
    include: { assignments: true, orders: true },
  });
  const delivery = await prisma.deliveryAssignment.create({
    data: { tenantId, orderId: order.id, riderId: users.DELIVERY.id, status: 'assigned', assignedAt: new Date(), notes: `Ring twice ${marker}` },
  });
  await prisma.inventoryMovement.create({
    data: {
      tenantId,
      inventoryItemId: tenant.inventoryItems[0].id,
      quantity: 3,
      movementType: 'manual_add',
      notes: `Delivery ${marker}`,
      createdById: users.OWNER.id,
    },
  });
  const modifierGroup = await prisma.modifierGroup.create({
    data: { tenantId, menuItemId: menuItem.id, name: `Cheese ${marker}`, options: { create: { tenantId, name: `Extra ${marker}`, priceDelta: 1 } } },
    include: { options: true },
  });
  const boardScreen = await prisma.boardScreen.create({
    data: { tenantId, name: `Board ${marker}`, tokenHash: createHash('sha256').update(`board-${marker}`).digest('hex') },
  });
  // Everyone's shift at the first station, now (so `myShifts` reaches a station for every role); the
  // cook's is the one an API argument names.
  const shifts = await prisma.shift.createManyAndReturn({
    data: ROLES.map((role) => ({
      tenantId,
      userId: users[role].id,
      stationId: station.id,
      startsAt: new Date(Date.now() - 3_600_000),
      endsAt: new Date(Date.now() + 3_600_000),
    })),
  });
  const shift = shifts.find((s) => s.userId === users.STAFF.id)!;
  await prisma.auditLog.create({
    data: { tenantId, userId: users.OWNER.id, action: 'station.update', entityType: 'station', entityId: station.id, details: { name: station.name } },
  });

  return {
    id: tenantId,
    slug: spec.slug,
    marker,
    password: TEST_PASSWORD,
    users,
    ids: {
      station: station.id,
      menuItem: menuItem.id,
      inventoryItem: tenant.inventoryItems[0].id,
      workflowTemplate: menuItem.workflowTemplateId!,
      order: order.id,
      task: task.id,
      subtask: task.subtasks[0].id,
      platform: platform.id,
      platformAssignment: platform.assignments[0].id,
      platformOrder: platform.orders[0].id,
      user: users.STAFF.id,
      delivery: delivery.id,
      rider: users.DELIVERY.id,
      boardScreen: boardScreen.id,
      shift: shift.id,
      modifierGroup: modifierGroup.id,
      modifierOption: modifierGroup.options[0].id,
    },
  };
}
