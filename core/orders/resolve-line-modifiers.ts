import type { FieldError } from '../../contracts/errors';
import { applyModifiers, checkModifierSelection, parseOrderedModifiers, type OrderedModifier } from '../../domain/menu';
import { compileRecipe } from '../../domain/recipe';
import { Prisma } from '../../prisma/generated/client';

/** A dish's modifier groups as the order line reads them. */
export interface DishModifierGroup {
  id: string;
  name: string;
  minChoices: number;
  maxChoices: number;
  options: Array<{ id: string; name: string; priceDelta: Prisma.Decimal; effects: unknown }>;
}

/**
 * The options an order line chose, checked against its dish: each one the dish's own (in the
 * group the caller named), each group's min/max kept, and the recipe they change still has a
 * task. Answers the snapshots stored on the item and its unit price with the deltas, or the
 * problems, each with its field path and the group it is about.
 */
export function resolveLineModifiers(
  path: string,
  dish: { name: string; price: Prisma.Decimal; modifierGroups: DishModifierGroup[] },
  chosen: Array<{ groupId: string; optionId: string }>,
  definition: unknown,
): { ok: true; modifiers: OrderedModifier[]; unitPrice: Prisma.Decimal } | { ok: false; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const groupById = new Map(dish.modifierGroups.map((g) => [g.id, g]));
  chosen.forEach((c, i) => {
    const group = groupById.get(c.groupId);
    if (!group) problems.push({ path: `${path}.modifiers.${i}.groupId`, message: `"${dish.name}" has no modifier group ${c.groupId}` });
    else if (!group.options.some((o) => o.id === c.optionId)) {
      problems.push({ path: `${path}.modifiers.${i}.optionId`, message: `"${group.name}" of "${dish.name}" has no option ${c.optionId}` });
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  for (const p of checkModifierSelection(
    dish.modifierGroups,
    chosen.map((c) => c.optionId),
  )) {
    problems.push({ path: `${path}.modifiers`, message: `"${dish.name}" ${p.message}` });
  }
  if (problems.length > 0) return { ok: false, problems };

  const modifiers: OrderedModifier[] = chosen.map(({ groupId, optionId }) => {
    const group = groupById.get(groupId)!;
    const option = group.options.find((o) => o.id === optionId)!;
    const [snapshot] = parseOrderedModifiers([
      { groupId, groupName: group.name, optionId, optionName: option.name, priceDelta: option.priceDelta.toFixed(2), effects: option.effects },
    ]);
    // Effects were validated on save; an unreadable stored value changes nothing rather than failing the order.
    return snapshot ?? { groupId, groupName: group.name, optionId, optionName: option.name, priceDelta: option.priceDelta.toFixed(2), effects: [] };
  });
  const compiled = compileRecipe(definition);
  if (compiled.ok) {
    const applied = applyModifiers(
      compiled.definition,
      modifiers.flatMap((m) => m.effects),
    );
    if (!applied.ok) problems.push({ path: `${path}.modifiers`, message: `"${dish.name}": ${applied.message}` });
  }
  const unitPrice = modifiers.reduce((sum, m) => sum.add(new Prisma.Decimal(m.priceDelta)), dish.price);
  if (unitPrice.isNegative()) problems.push({ path: `${path}.modifiers`, message: `"${dish.name}": the options take the price below 0` });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, modifiers, unitPrice };
}
