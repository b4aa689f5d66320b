import { z } from 'zod';
import { safeText } from '../../domain/input/text';
import { modifierEffectSchema } from '../../domain/menu';
import { decimalString } from '../validate';

// A price delta may lower the price ("no cheese: −1.00"); the order line's total is checked on order.
const priceDelta = decimalString({ min: -99_999, max: 99_999 }).refine((v) => /^-?\d+(\.\d{1,2})?$/.test(v), 'at most 2 decimals');
const name = safeText(100).min(1, 'must not be empty');
const optionalId = z.uuid('must be an id').nullish();
const distinctNames = (list: Array<{ name: string }>) => new Set(list.map((x) => x.name.toLowerCase())).size === list.length;

export const modifierOptionSchema = z.object({
  id: optionalId,
  name,
  priceDelta: priceDelta.default('0'),
  effects: z.array(modifierEffectSchema).max(20).default([]),
});

export const modifierGroupSchema = z
  .object({
    id: optionalId,
    name,
    minChoices: z.number().int().min(0, 'must be 0 or more').max(20),
    maxChoices: z.number().int().min(1, 'must be at least 1').max(20),
    options: z.array(modifierOptionSchema).min(1, 'a group needs at least one option').max(30).refine(distinctNames, 'names an option twice'),
  })
  .refine((g) => g.minChoices <= g.maxChoices, { path: ['minChoices'], message: 'must not be more than maxChoices' })
  .refine((g) => g.minChoices <= g.options.length, { path: ['minChoices'], message: 'asks for more choices than the group has options' });

/** Wrapped so every error path starts at the argument's name (`groups.0.minChoices`). */
export const setModifierGroupsSchema = z.object({ groups: z.array(modifierGroupSchema).max(20).refine(distinctNames, 'names a group twice') });
export type ModifierGroupInput = z.output<typeof modifierGroupSchema>;
