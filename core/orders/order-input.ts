import { z } from 'zod';

export const ORDER_CHANNELS = ['PHONE', 'IN_STORE', 'ONLINE', 'IMPORT'] as const;
export const ORDER_STATUSES = ['NEW', 'PREPARING', 'READY', 'DELIVERING', 'DELIVERED', 'CANCELLED'] as const;
export const MAX_ITEM_QUANTITY = 50;
/** A scheduled order further out than this is almost certainly a typo in the date. */
const MAX_SCHEDULE_AHEAD_MS = 30 * 24 * 60 * 60 * 1000;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const priority = z.number().int().min(0, 'must be 0 (normal), 1 (high) or 2 (urgent)').max(2, 'must be 0 (normal), 1 (high) or 2 (urgent)');

/**
 * One order line. Quantity is only checked for being an integer here: its range is checked
 * together with the menu item (resolve-order-lines.ts) so the error can name the dish.
 */
export const orderLineSchema = z.object({
  menuItemId: z.string().trim().min(1, 'must be a menu item id'),
  quantity: z.number().int('must be a whole number'),
  modifications: text(1000),
  notes: text(1000),
});
export type OrderLineInput = z.output<typeof orderLineSchema>;

export const orderLinesSchema = z.array(orderLineSchema).min(1, 'an order needs at least one item').max(100, 'at most 100 items per order');

export const createOrderSchema = z.object({
  channel: z.enum(ORDER_CHANNELS),
  customerName: text(255),
  customerPhone: text(50),
  customerAddress: text(1000),
  notes: text(2000),
  priority: priority.nullish().transform((v) => v ?? 0),
  requestedAt: z
    .date()
    .nullish()
    .transform((v) => v ?? null)
    .refine((d) => d === null || d.getTime() > Date.now(), 'must be in the future')
    .refine((d) => d === null || d.getTime() < Date.now() + MAX_SCHEDULE_AHEAD_MS, 'must be within 30 days'),
  idempotencyKey: z
    .string()
    .trim()
    .min(8, 'must be at least 8 characters')
    .max(255)
    .nullish()
    .transform((v) => v ?? null),
  items: orderLinesSchema,
});
export type CreateOrderInput = z.output<typeof createOrderSchema>;

export const updateOrderSchema = z
  .object({ priority: priority.nullish(), notes: z.string().trim().max(2000).nullish() })
  .refine((v) => v.priority != null || v.notes !== undefined, 'nothing to change: give priority or notes');

export const cancelOrderSchema = z.object({ reason: z.string().trim().min(1, 'say why the order is cancelled').max(500) });

/** V8 happily parses 2026-02-30 as 2 March; a day must survive the round trip. */
function isRealDay(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}

export const listOrdersSchema = z.object({
  status: z.array(z.enum(ORDER_STATUSES)).nullish(),
  /** A calendar day (YYYY-MM-DD, server time zone): orders created that day. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day like 2026-11-20')
    .refine(isRealDay, 'is not a real day')
    .nullish(),
  search: z.string().trim().max(100).nullish(),
  limit: z
    .number()
    .int()
    .min(1)
    .max(200)
    .nullish()
    .transform((v) => v ?? 50),
  offset: z
    .number()
    .int()
    .min(0)
    .max(100_000)
    .nullish()
    .transform((v) => v ?? 0),
});
export type ListOrdersInput = z.output<typeof listOrdersSchema>;
