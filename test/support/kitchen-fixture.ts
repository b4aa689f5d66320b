import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import type { WorkflowDefinition } from '../../domain/recipe';
import { createInventoryItem, createMenuItem, createRecipe, createStation, deleteTenants, pizzaRecipe } from './activity-fixtures';

/**
 * A small real kitchen in its own tenant, for workflow tests: a bench, an oven and a cold
 * station; pizza (dough 3 → topping 2 → bake 8 min, deducts flour and mozzarella), salad
 * (2 min, lettuce) and espresso (6 s, for ETA timers that must pass while the test waits).
 */
export const saladRecipe: WorkflowDefinition = {
  phases: [
    {
      id: 'cold',
      name: 'Cold',
      order: 1,
      tasks: [{ id: 'toss', name: 'Toss salad', station_type: 'garde', estimated_minutes: 2, depends_on: [], subtasks: [] }],
    },
  ],
};

export const espressoRecipe: WorkflowDefinition = {
  phases: [
    { id: 'bar', name: 'Bar', order: 1, tasks: [{ id: 'pull', name: 'Pull shot', station_type: 'bar', estimated_minutes: 0.1, depends_on: [], subtasks: [] }] },
  ],
};

export type Dish = 'pizza' | 'salad' | 'espresso';

export interface Kitchen {
  tenantId: string;
  stations: { bench: string; bench2: string; oven: string; cold: string; bar: string };
  menu: Record<Dish, { menuItemId: string; versionId: string }>;
  inventory: { flour: string; mozzarella: string; lettuce: string };
}

export async function createKitchen(prisma: Db, opts: { benchCapacity?: number } = {}): Promise<Kitchen> {
  const tenant = await prisma.tenant.create({ data: { name: 'Workflow test kitchen', slug: `wf-${randomUUID()}` } });
  const tenantId = tenant.id;
  const station = (name: string, taskTypes: string[], capacity = 2) => createStation(prisma, tenantId, { name, taskTypes, capacity }).then((s) => s.id);
  const stations = {
    bench: await station('Bench', ['banco'], opts.benchCapacity ?? 2),
    bench2: await station('Bench 2', ['banco'], opts.benchCapacity ?? 2),
    oven: await station('Oven', ['forno']),
    cold: await station('Cold', ['garde']),
    bar: await station('Bar', ['bar']),
  };
  const stock = (name: string) => createInventoryItem(prisma, tenantId, { name, currentStock: 10_000 }).then((i) => i.id);
  const inventory = { flour: await stock('Flour'), mozzarella: await stock('Mozzarella'), lettuce: await stock('Lettuce') };
  const dish = async (name: Dish, recipe: WorkflowDefinition, ingredients: Array<{ inventoryItemId: string; quantity: number }>) => {
    const { template, version } = await createRecipe(prisma, tenantId, recipe, `${name} recipe`);
    const menuItem = await createMenuItem(prisma, tenantId, { templateId: template.id, name, ingredients });
    return { menuItemId: menuItem.id, versionId: version.id };
  };
  const menu = {
    pizza: await dish('pizza', pizzaRecipe, [
      { inventoryItemId: inventory.flour, quantity: 200 },
      { inventoryItemId: inventory.mozzarella, quantity: 100 },
    ]),
    salad: await dish('salad', saladRecipe, [{ inventoryItemId: inventory.lettuce, quantity: 50 }]),
    espresso: await dish('espresso', espressoRecipe, []),
  };
  return { tenantId, stations, menu, inventory };
}

let sequence = 0;

/** An order as the API stores it: items pinned to the recipe version, in the given order. */
export async function placeOrder(
  prisma: Db,
  kitchen: Kitchen,
  items: Array<{ dish: Dish; quantity?: number }>,
  opts: { priority?: number; requestedAt?: Date } = {},
) {
  sequence += 1;
  const order = await prisma.order.create({
    data: {
      tenantId: kitchen.tenantId,
      orderNumber: sequence,
      channel: 'PHONE',
      priority: opts.priority ?? 0,
      requestedAt: opts.requestedAt ?? null,
      items: {
        create: items.map((item, i) => ({
          tenantId: kitchen.tenantId,
          menuItemId: kitchen.menu[item.dish].menuItemId,
          workflowVersionId: kitchen.menu[item.dish].versionId,
          quantity: item.quantity ?? 1,
          unitPrice: 9.5,
          nameSnapshot: item.dish,
          // Distinct creation times keep the plan's item order equal to the given order.
          createdAt: new Date(Date.now() + i),
        })),
      },
    },
    include: { items: { orderBy: { createdAt: 'asc' } } },
  });
  return { orderId: order.id, itemIds: order.items.map((i) => i.id) };
}

export async function deleteKitchens(prisma: Db, kitchens: Kitchen[]): Promise<void> {
  if (kitchens.length > 0)
    await deleteTenants(
      prisma,
      kitchens.map((k) => k.tenantId),
    );
}
