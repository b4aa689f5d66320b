import { z } from 'zod';

/**
 * What choosing a modifier option does to the work: skip a recipe task or one checklist item,
 * add minutes to a task, add an ingredient or scale one (factor 0 = none of it). Stored as JSON
 * on the option and, as ordered, on the order item, so a later edit never changes a past order.
 */
export const MODIFIER_EFFECT_KINDS = ['SKIP_TASK', 'SKIP_SUBTASK', 'ADD_MINUTES', 'ADD_INGREDIENT', 'SCALE_INGREDIENT'] as const;
export type ModifierEffectKind = (typeof MODIFIER_EFFECT_KINDS)[number];

/** Minutes one option may add to a task; longer is a different recipe. */
export const MAX_ADDED_MINUTES = 240;
export const MAX_SCALE_FACTOR = 10;

const defId = z.string().trim().min(1, 'must name a recipe task').max(100);
const inventoryItemId = z.uuid('must be an inventory item id');

export const modifierEffectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('SKIP_TASK'), taskId: defId }),
  z.object({ kind: z.literal('SKIP_SUBTASK'), taskId: defId, subtaskId: z.string().trim().min(1, 'must name a checklist item').max(100) }),
  z.object({ kind: z.literal('ADD_MINUTES'), taskId: defId, minutes: z.number().positive('must be more than 0').max(MAX_ADDED_MINUTES) }),
  z.object({ kind: z.literal('ADD_INGREDIENT'), inventoryItemId, quantity: z.number().positive('must be more than 0').max(1_000) }),
  z.object({ kind: z.literal('SCALE_INGREDIENT'), inventoryItemId, factor: z.number().min(0, 'must be 0 or more').max(MAX_SCALE_FACTOR) }),
]);
export type ModifierEffect = z.output<typeof modifierEffectSchema>;

/** An option as ordered: its names and price delta are snapshots taken when the order was taken. */
export interface OrderedModifier {
  groupId: string;
  groupName: string;
  optionId: string;
  optionName: string;
  priceDelta: string;
  effects: ModifierEffect[];
}

export const orderedModifierSchema = z.object({
  groupId: z.string(),
  groupName: z.string(),
  optionId: z.string(),
  optionName: z.string(),
  priceDelta: z.string(),
  effects: z.array(modifierEffectSchema),
});

/** Reads the JSON stored on an order item; anything unreadable counts as no modifiers. */
export function parseOrderedModifiers(value: unknown): OrderedModifier[] {
  const parsed = z.array(orderedModifierSchema).safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** The recipe task an effect changes, if any (ingredient effects change no task). */
export function effectTaskId(effect: ModifierEffect): string | null {
  return 'taskId' in effect ? effect.taskId : null;
}
