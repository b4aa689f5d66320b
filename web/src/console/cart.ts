import { checkModifierSelection, type SelectableGroup } from '../../../domain/menu/modifier-selection';

/** A dish's modifier group as the console offers it (console-api.ts CONSOLE_MENU_QUERY). */
export interface CartModifierGroup extends SelectableGroup {
  options: Array<{ id: string; name: string; priceDelta: string }>;
}

/** The phone order being taken: a pure reducer, so the form logic is testable without a browser. */
export interface CartLine {
  /** Local id: the same dish can be on two lines with different modifications. */
  key: string;
  menuItemId: string;
  name: string;
  /** Decimal string, e.g. "8.50". */
  price: string;
  quantity: number;
  modifications: string;
  /** The dish's groups, and the option ids chosen among them. */
  groups: CartModifierGroup[];
  modifiers: string[];
}

export type CartAction =
  | { type: 'add'; item: { id: string; name: string; price: string; modifierGroups?: CartModifierGroup[] } }
  | { type: 'modifier'; key: string; groupId: string; optionId: string; chosen: boolean }
  | { type: 'quantity'; key: string; quantity: number }
  | { type: 'modifications'; key: string; text: string }
  | { type: 'remove'; key: string }
  | { type: 'clear' };

export const MAX_QUANTITY = 50;
let seq = 0;

export function cartReducer(lines: CartLine[], action: CartAction): CartLine[] {
  switch (action.type) {
    case 'add': {
      // Another tap on a dish adds one more to its plain line; modified lines stay separate.
      const plain = lines.find((l) => l.menuItemId === action.item.id && !l.modifications && l.modifiers.length === 0);
      if (plain) return lines.map((l) => (l === plain ? { ...l, quantity: Math.min(MAX_QUANTITY, l.quantity + 1) } : l));
      seq += 1;
      const { id, name, price, modifierGroups = [] } = action.item;
      return [...lines, { key: `line-${seq}`, menuItemId: id, name, price, quantity: 1, modifications: '', groups: modifierGroups, modifiers: [] }];
    }
    case 'modifier':
      return lines.map((l) => (l.key === action.key ? { ...l, modifiers: chooseOption(l, action.groupId, action.optionId, action.chosen) } : l));
    case 'quantity':
      if (action.quantity < 1) return lines.filter((l) => l.key !== action.key);
      return lines.map((l) => (l.key === action.key ? { ...l, quantity: Math.min(MAX_QUANTITY, Math.floor(action.quantity)) } : l));
    case 'modifications':
      return lines.map((l) => (l.key === action.key ? { ...l, modifications: action.text } : l));
    case 'remove':
      return lines.filter((l) => l.key !== action.key);
    case 'clear':
      return [];
  }
}

/**
 * Choosing in a group of one choice replaces the earlier one (a radio); in a larger group an
 * option beyond its max is not taken, so the line never holds more than the server accepts.
 */
function chooseOption(line: CartLine, groupId: string, optionId: string, chosen: boolean): string[] {
  const group = line.groups.find((g) => g.id === groupId);
  if (!group || !group.options.some((o) => o.id === optionId)) return line.modifiers;
  if (!chosen) return line.modifiers.filter((id) => id !== optionId);
  if (line.modifiers.includes(optionId)) return line.modifiers;
  const inGroup = new Set(group.options.map((o) => o.id));
  const others = line.modifiers.filter((id) => !inGroup.has(id));
  const mine = line.modifiers.filter((id) => inGroup.has(id));
  if (group.maxChoices === 1) return [...others, optionId];
  return mine.length >= group.maxChoices ? line.modifiers : [...line.modifiers, optionId];
}

/** What is wrong with a line's choices (a required group left empty), each naming its group. */
export function lineProblems(line: CartLine): string[] {
  return checkModifierSelection(line.groups, line.modifiers).map((p) => p.message);
}

/** One unit's price with the chosen options' deltas, in cents. */
function unitCents(line: CartLine): number {
  const deltas = line.groups.flatMap((g) => g.options).filter((o) => line.modifiers.includes(o.id));
  return Math.round(Number(line.price) * 100) + deltas.reduce((sum, o) => sum + Math.round(Number(o.priceDelta) * 100), 0);
}

export const linePrice = (line: CartLine): number => (unitCents(line) * line.quantity) / 100;

/** What `etaQuote` and `createOrder` take. Modifications are trimmed; empty ones are left out. */
export function orderItems(lines: CartLine[]) {
  return lines.map((l) => {
    const groupOf = new Map(l.groups.flatMap((g) => g.options.map((o) => [o.id, g.id] as const)));
    return {
      menuItemId: l.menuItemId,
      quantity: l.quantity,
      ...(l.modifications.trim() ? { modifications: l.modifications.trim() } : {}),
      ...(l.modifiers.length > 0 ? { modifiers: l.modifiers.map((optionId) => ({ groupId: groupOf.get(optionId)!, optionId })) } : {}),
    };
  });
}

export function cartTotal(lines: CartLine[]): number {
  return lines.reduce((sum, l) => sum + unitCents(l) * l.quantity, 0) / 100;
}
