import { z } from 'zod';
import { multilineText, phone, safeText, TEXT_LIMITS } from '../../domain/input/text';
import { FULFILLMENTS, HAND_OFF_STATUSES } from '../../domain/kitchen/hand-off';

export const ORDER_CHANNELS = ['PHONE', 'IN_STORE', 'ONLINE', 'IMPORT'] as const;
export const ORDER_STATUSES = ['NEW', 'PREPARING', 'READY', ...HAND_OFF_STATUSES, 'CANCELLED'] as const;
export const MAX_ITEM_QUANTITY = 50;
/** A scheduled order further out than this is almost certainly a typo in the date. */
const MAX_SCHEDULE_AHEAD_MS = 30 * 24 * 60 * 60 * 1000;

/** Optional text: missing, null and blank all become null; anything else must pass `schema`. */
const optional = <T extends z.ZodType<string, string>>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullish()).transform((v) => v ?? null);
const priority = z.number().int().min(0, 'must be 0 (normal), 1 (high) or 2 (urgent)').max(2, 'must be 0 (normal), 1 (high) or 2 (urgent)');

/**
 * One order line. Quantity is only checked for being an integer here: its range is checked
 * together with the menu item (resolve-order-lines.ts) so the error can name the dish.
 */
export const orderLineSchema = z.object({
  menuItemId: safeText(TEXT_LIMITS.label).min(1, 'must be a menu item id'),
  quantity: z.number().int('must be a whole number'),
  modifications: optional(multilineText(TEXT_LIMITS.note)),
  /** Modifier options chosen, checked against the dish in resolve-line-modifiers.ts. */
  modifiers: z
    .array(z.object({ groupId: safeText(TEXT_LIMITS.label).min(1), optionId: safeText(TEXT_LIMITS.label).min(1) }))
    .max(50, 'at most 50 modifiers per item')
    .nullish()
    .transform((v) => v ?? []),
  notes: optional(multilineText(TEXT_LIMITS.note)),
});
export type OrderLineInput = z.output<typeof orderLineSchema>;

export const orderLinesSchema = z.array(orderLineSchema).min(1, 'an order needs at least one item').max(100, 'at most 100 items per order');

export const createOrderSchema = z
  .object({
    channel: z.enum(ORDER_CHANNELS),
    customerName: optional(safeText(TEXT_LIMITS.name)),
    customerPhone: optional(phone()),
    customerAddress: optional(multilineText(TEXT_LIMITS.note)),
    notes: optional(multilineText(2000)),
    priority: priority.nullish().transform((v) => v ?? 0),
    requestedAt: z
      .date()
      .nullish()
      .transform((v) => v ?? null)
      .refine((d) => d === null || d.getTime() > Date.now(), 'must be in the future')
      .refine((d) => d === null || d.getTime() < Date.now() + MAX_SCHEDULE_AHEAD_MS, 'must be within 30 days'),
    idempotencyKey: safeText(255)
      .min(8, 'must be at least 8 characters')
      .nullish()
      .transform((v) => v ?? null),
    items: orderLinesSchema,
    /** Missing: a delivery when there is an address, else a takeaway. */
    fulfillment: z.enum(FULFILLMENTS).nullish(),
  })
  .refine((o) => o.fulfillment !== 'DELIVERY' || o.customerAddress !== null, { path: ['customerAddress'], message: 'a delivery needs an address' })
  .transform((o) => ({ ...o, fulfillment: o.fulfillment ?? (o.customerAddress ? 'DELIVERY' : 'TAKEAWAY') }));
export type CreateOrderInput = z.output<typeof createOrderSchema>;

export const updateOrderSchema = z
  .object({ priority: priority.nullish(), notes: multilineText(2000).nullish() })
  .refine((v) => v.priority != null || v.notes !== undefined, 'nothing to change: give priority or notes');

export const cancelOrderSchema = z.object({ reason: multilineText(500).min(1, 'say why the order is cancelled') });

export const handOffOrderSchema = z
  .object({ to: z.enum(HAND_OFF_STATUSES), reason: optional(multilineText(500)) })
  .refine((v) => v.to !== 'DELIVERY_FAILED' || v.reason !== null, { path: ['reason'], message: 'say why the delivery failed' });

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
  search: safeText(100).nullish(),
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
