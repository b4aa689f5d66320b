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
}

export type CartAction =
  | { type: 'add'; item: { id: string; name: string; price: string } }
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
      const plain = lines.find((l) => l.menuItemId === action.item.id && !l.modifications);
      if (plain) return lines.map((l) => (l === plain ? { ...l, quantity: Math.min(MAX_QUANTITY, l.quantity + 1) } : l));
      seq += 1;
      return [...lines, { key: `line-${seq}`, menuItemId: action.item.id, name: action.item.name, price: action.item.price, quantity: 1, modifications: '' }];
    }
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

/** What `etaQuote` and `createOrder` take. Modifications are trimmed; empty ones are left out. */
export function orderItems(lines: CartLine[]) {
  return lines.map((l) => ({ menuItemId: l.menuItemId, quantity: l.quantity, ...(l.modifications.trim() ? { modifications: l.modifications.trim() } : {}) }));
}

export function cartTotal(lines: CartLine[]): number {
  return lines.reduce((sum, l) => sum + Math.round(Number(l.price) * 100) * l.quantity, 0) / 100;
}
