import { z } from 'zod';
import { multilineText, safeText, TEXT_LIMITS } from '../../domain/input/text';
import { decimalString } from '../validate';

/** Movement types a person may record; order_deduction / order_return come only from the kitchen. */
export const ADJUSTMENT_TYPES = ['manual_add', 'waste', 'adjustment'] as const;
export type AdjustmentType = (typeof ADJUSTMENT_TYPES)[number];

// Stock is numeric(10,3): a signed amount with at most 3 decimals.
const amount = decimalString({ min: -9_999_999, max: 9_999_999 })
  .refine((v) => /^-?\d+(\.\d{1,3})?$/.test(v), 'at most 3 decimals')
  .refine((v) => Number(v) !== 0, 'must not be 0');

/**
 * manual_add (a delivery) and waste take the amount as a positive number; adjustment (a stock
 * count correction) takes the signed difference.
 */
export const adjustInventorySchema = z
  .object({
    quantity: amount,
    type: z.enum(ADJUSTMENT_TYPES, 'must be manual_add, waste or adjustment'),
    notes: multilineText(TEXT_LIMITS.note)
      .nullish()
      .transform((v) => v || null),
  })
  .refine((v) => v.type === 'adjustment' || Number(v.quantity) > 0, {
    path: ['quantity'],
    message: 'must be positive for manual_add and waste (waste is subtracted)',
  });

export const listMovementsSchema = z
  .object({
    itemId: safeText(TEXT_LIMITS.label).nullish(),
    from: z.date().nullish(),
    to: z.date().nullish(),
    limit: z
      .number()
      .int()
      .min(1)
      .max(500)
      .nullish()
      .transform((v) => v ?? 100),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['from'], message: 'must not be after `to`' });
