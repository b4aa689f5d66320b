import type { Prisma } from '../../prisma/generated/client';
import type { OrderPayload } from '../../contracts/socket-events';

/**
 * Everything the Order type can show, in one Prisma query (one SQL statement per relation level,
 * never one per order): items with their dish, tasks with station and subtasks.
 */
export const orderInclude = {
  items: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: {
      menuItem: { select: { id: true, name: true, allergens: true } },
      tasks: {
        // Planned start follows the recipe's dependency order; the recipe task id breaks ties.
        orderBy: [{ plannedStartAt: 'asc' }, { taskDefId: 'asc' }],
        include: { station: true, subtasks: { orderBy: [{ position: 'asc' }, { subtaskDefId: 'asc' }] } },
      },
    },
  },
  // Its delivery (orders with an address): the console answers "when is it at my door?".
  delivery: { include: { rider: { select: { id: true, name: true } } } },
} satisfies Prisma.OrderInclude;

export type OrderWithItems = Prisma.OrderGetPayload<{ include: typeof orderInclude }>;
export type OrderItemWithTasks = OrderWithItems['items'][number];

/** The `order:created` payload: what a live board needs to draw the card without a refetch. */
export function orderPayload(order: OrderWithItems): OrderPayload {
  return {
    id: order.id,
    orderNumber: order.orderNumber,
    channel: order.channel,
    status: order.status,
    customerName: order.customerName,
    priority: order.priority,
    estimatedReadyAt: order.estimatedReadyAt?.toISOString() ?? null,
    createdAt: order.createdAt.toISOString(),
    items: order.items.map((i) => ({ id: i.id, menuItemId: i.menuItemId, name: i.nameSnapshot, quantity: i.quantity, status: i.status })),
  };
}
