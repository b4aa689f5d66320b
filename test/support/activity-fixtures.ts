import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import type { WorkflowDefinition } from '../../domain/recipe';
import type { KitchenActivities } from '../../contracts/kitchen-activities';

/** Test-only builders (imported by activities/*.test.ts): each test creates its own rows in its own tenant. */

export const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

export async function createStation(prisma: Db, tenantId: string, opts: { name?: string; capacity?: number; taskTypes: string[]; isActive?: boolean }) {
  return prisma.station.create({
    data: { tenantId, name: opts.name ?? unique('Station'), capacity: opts.capacity ?? 1, taskTypes: opts.taskTypes, isActive: opts.isActive ?? true },
  });
}

/** A published recipe: template + immutable version 1, as orders pin it. */
export async function createRecipe(prisma: Db, tenantId: string, definition: WorkflowDefinition, name = unique('Recipe')) {
  const template = await prisma.workflowTemplate.create({
    data: { tenantId, name, definition: definition as object, currentVersion: 1 },
  });
  const version = await prisma.workflowTemplateVersion.create({
    data: { tenantId, templateId: template.id, version: 1, definition: definition as object, estimatedTotalMinutes: 0 },
  });
  return { template, version };
}

export async function createInventoryItem(prisma: Db, tenantId: string, opts: { name?: string; currentStock: number; minStock?: number }) {
  return prisma.inventoryItem.create({
    data: { tenantId, name: opts.name ?? unique('Ingredient'), unit: 'g', currentStock: opts.currentStock, minStock: opts.minStock ?? 0 },
  });
}

export async function createMenuItem(
  prisma: Db,
  tenantId: string,
  opts: { templateId?: string; name?: string; ingredients?: Array<{ inventoryItemId: string; quantity: number }> },
) {
  return prisma.menuItem.create({
    data: {
      tenantId,
      name: opts.name ?? unique('Dish'),
      price: 9.5,
      workflowTemplateId: opts.templateId ?? null,
      ingredients: { create: (opts.ingredients ?? []).map((i) => ({ tenantId, ...i })) },
    },
  });
}

let orderNumber = 0;

/** An order with one item per entry, each pinning the given recipe version. */
export async function createOrder(
  prisma: Db,
  tenantId: string,
  items: Array<{ menuItemId: string; versionId: string | null; quantity?: number }>,
  opts: { priority?: number } = {},
) {
  orderNumber += 1;
  return prisma.order.create({
    data: {
      tenantId,
      orderNumber: orderNumber * 1000 + Math.floor(Math.random() * 1000),
      channel: 'IN_STORE',
      priority: opts.priority ?? 0,
      items: {
        create: items.map((i) => ({
          tenantId,
          menuItemId: i.menuItemId,
          workflowVersionId: i.versionId,
          quantity: i.quantity ?? 1,
          unitPrice: 9.5,
          nameSnapshot: 'Dish',
        })),
      },
    },
    include: { items: { orderBy: { createdAt: 'asc' } } },
  });
}

/** An order of one item of a fresh recipe, materialized; `ref(i)` addresses its i-th task. */
export async function materializedItem(prisma: Db, acts: KitchenActivities, tenantId: string, definition: WorkflowDefinition, quantity = 1) {
  const { template, version } = await createRecipe(prisma, tenantId, definition);
  const menu = await createMenuItem(prisma, tenantId, { templateId: template.id });
  const order = await createOrder(prisma, tenantId, [{ menuItemId: menu.id, versionId: version.id, quantity }]);
  const item = order.items[0];
  const plan = await acts.materializeItemTasks({ tenantId, orderItemId: item.id, plannedStartAt: null });
  const ref = (i = 0) => ({ tenantId, orderId: order.id, orderItemId: item.id, taskId: plan.tasks[i].id, userId: null });
  return { order, item, plan, ref };
}

/** dough (banco, 3 min, 2 subtasks, one optional) → topping (banco, 2) → bake (forno, 8). */
export const pizzaRecipe: WorkflowDefinition = {
  deduct_inventory_phase: 'prep',
  phases: [
    {
      id: 'prep',
      name: 'Prep',
      order: 1,
      tasks: [
        {
          id: 'dough',
          name: 'Stretch dough',
          station_type: 'banco',
          estimated_minutes: 3,
          depends_on: [],
          subtasks: [
            { id: 'ball', name: 'Take a dough ball', optional: false },
            { id: 'flour', name: 'Flour the bench', optional: true },
          ],
        },
        { id: 'topping', name: 'Top', station_type: 'banco', estimated_minutes: 2, depends_on: ['dough'], subtasks: [] },
      ],
    },
    {
      id: 'cook',
      name: 'Cook',
      order: 2,
      tasks: [{ id: 'bake', name: 'Bake', station_type: 'Forno', estimated_minutes: 8, depends_on: ['topping'], subtasks: [] }],
    },
  ],
};

/** One task on one station type: the simplest thing a station queue can hold. */
export function singleTaskRecipe(stationType: string, minutes: number, subtasks: Array<{ id: string; optional: boolean }> = []): WorkflowDefinition {
  return {
    phases: [
      {
        id: 'main',
        name: 'Main',
        order: 1,
        tasks: [
          {
            id: 'cook',
            name: 'Cook',
            station_type: stationType,
            estimated_minutes: minutes,
            depends_on: [],
            subtasks: subtasks.map((s) => ({ ...s, name: s.id })),
          },
        ],
      },
    ],
  };
}

/** Deletes everything the tests created for these tenants, children first. */
export async function deleteTenants(prisma: Db, tenantIds: string[]): Promise<void> {
  const where = { tenantId: { in: tenantIds } };
  await prisma.taskDuration.deleteMany({ where });
  await prisma.subtaskInstance.deleteMany({ where });
  await prisma.taskInstance.deleteMany({ where });
  await prisma.deliveryAssignment.deleteMany({ where });
  await prisma.shift.deleteMany({ where });
  await prisma.orderItem.deleteMany({ where });
  await prisma.deliveryAssignment.deleteMany({ where });
  await prisma.order.deleteMany({ where });
  await prisma.inventoryMovement.deleteMany({ where });
  await prisma.recipeIngredient.deleteMany({ where });
  await prisma.menuItem.deleteMany({ where });
  await prisma.inventoryItem.deleteMany({ where });
  await prisma.workflowTemplateVersion.deleteMany({ where });
  await prisma.workflowTemplate.deleteMany({ where });
  await prisma.station.deleteMany({ where });
  await prisma.boardScreen.deleteMany({ where });
  await prisma.auditLog.deleteMany({ where });
  await prisma.shift.deleteMany({ where });
  await prisma.userSession.deleteMany({ where });
  await prisma.user.deleteMany({ where });
  await prisma.tenant.deleteMany({ where: { id: { in: tenantIds } } });
}
