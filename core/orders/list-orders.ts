import type { Prisma } from '../../prisma/generated/client';
import type { ServiceOptions } from '../types';
import { parseInput } from '../validate';
import { orderInclude, type OrderWithItems } from './order-include';
import { listOrdersSchema } from './order-input';
import { phoneDigits } from './phone';

/** Newest first. `search` finds call-backs by phone (any formatting), customer name or order number. */
export function listOrders({ db, input }: ServiceOptions<unknown>): Promise<OrderWithItems[]> {
  const filters = parseInput(listOrdersSchema, input);
  return db.order.findMany({
    where: orderWhere(filters),
    orderBy: [{ createdAt: 'desc' }, { orderNumber: 'desc' }],
    take: filters.limit,
    skip: filters.offset,
    include: orderInclude,
    // One query per relation level: for a page of full orders it ran ~9x faster than one JSON join.
    relationLoadStrategy: 'query',
  });
}

/** How many orders match the same filters (pagination ignored): the list's total. */
export function countOrders({ db, input }: ServiceOptions<unknown>): Promise<number> {
  return db.order.count({ where: orderWhere(parseInput(listOrdersSchema, input)) });
}

function orderWhere(f: ReturnType<typeof listOrdersSchema.parse>): Prisma.OrderWhereInput {
  const where: Prisma.OrderWhereInput = {};
  if (f.status?.length) where.status = { in: f.status };
  if (f.date) {
    // The day in the server's time zone, which is the restaurant's.
    const start = new Date(`${f.date}T00:00:00`);
    const end = new Date(start);
    end.setDate(end.getDate() + 1);
    where.createdAt = { gte: start, lt: end };
  }
  const search = f.search?.trim();
  if (search) {
    const digits = phoneDigits(search);
    const number = /^#?\d{1,9}$/.test(search) ? Number(search.replace('#', '')) : null;
    where.OR = [
      { customerName: { contains: search, mode: 'insensitive' } },
      ...(digits ? [{ customerPhone: { contains: digits } }] : []),
      ...(number !== null ? [{ orderNumber: number }] : []),
    ];
  }
  return where;
}
