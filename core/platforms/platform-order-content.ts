import { z } from 'zod';
import type { FieldError } from '../../contracts/errors';
import { MAX_ITEM_QUANTITY } from '../orders/order-input';

/**
 * What a platform order must look like before the kitchen cooks it. The webhook answers with
 * these problems and the intake sends an order that has any to the review queue, so an order the
 * kitchen cannot take as sent is kept for a person instead of failing somewhere downstream.
 */

/** C0 controls but tab/newline, DEL, and U+FFFD (what storage puts in their place, see storable()). */
// Matching control characters is the point of these two.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), 'contains control characters');

/** A platform's own id (order, event): what identifies the order, so it must be clean. */
export const platformIdSchema = text(255).min(1, 'must not be empty');

const isoDate = z
  .string()
  .max(64)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time');

const quantity = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, `must be between 1 and ${MAX_ITEM_QUANTITY}`)
  .max(MAX_ITEM_QUANTITY, `must be between 1 and ${MAX_ITEM_QUANTITY}`);

const lineSchema = z.looseObject({
  productId: platformIdSchema,
  quantity,
  name: text(255).nullish(),
  notes: text(1000).nullish(),
  /** The marketplace's modifier names for the line, mapped to the dish's options by name. */
  modifiers: z.array(text(255)).max(50, 'at most 50 modifiers per line').nullish(),
});

export const platformOrderContentSchema = z.looseObject({
  id: platformIdSchema,
  items: z.array(lineSchema, { error: 'must be a list of order lines' }).min(1, 'the order has no items').max(100, 'at most 100 lines'),
  customer: z.looseObject({ name: text(255).nullish(), phone: text(50).nullish(), address: text(1000).nullish() }).nullish(),
  notes: text(1000).nullish(),
  acceptDeadline: isoDate.nullish(),
  promisedReadyAt: isoDate.nullish(),
});

/** Every problem of an order's content, each naming its field (`items.0.quantity`); empty when it is fine. */
export function orderContentProblems(order: unknown): FieldError[] {
  const result = platformOrderContentSchema.safeParse(order);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(order)', message: i.message }));
}

/** The review queue's reason for content problems: the first few, so a 100-line order stays readable. */
export function contentReason(problems: FieldError[]): string {
  const shown = problems.slice(0, 5).map((p) => `${p.path} ${p.message}`);
  const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : '';
  return `Invalid order content: ${shown.join('; ')}${more}`;
}

/**
 * The order as PostgreSQL can keep it: jsonb refuses NUL, so control characters become U+FFFD
 * (the content check above still flags them), and a deadline that is no date is not a column value.
 */
export function storable(order: Record<string, unknown>): { payload: object; acceptDeadline: Date | null } {
  const deadline = typeof order.acceptDeadline === 'string' ? new Date(order.acceptDeadline) : null;
  return { payload: storableJson(order), acceptDeadline: deadline && !Number.isNaN(deadline.getTime()) ? deadline : null };
}

/** Any parsed JSON with control characters replaced in its strings and keys (callers bound its depth, see jsonDepthAtMost). */
export function storableJson<T>(value: T): T {
  if (typeof value === 'string') return value.replace(CONTROL_ALL, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(storableJson) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableJson(k), storableJson(v)])) as T;
  return value;
}

/** Bounded recursion: a hostile body nested a million deep must be refused, not overflow the stack. */
export function jsonDepthAtMost(value: unknown, max: number): boolean {
  if (!value || typeof value !== 'object') return true;
  if (max === 0) return false;
  return Object.values(value).every((v) => jsonDepthAtMost(v, max - 1));
}
