import { cartReducer, cartTotal, orderItems, type CartLine } from './cart';

const pizza = { id: 'm-pizza', name: 'Margherita', price: '8.50' };
const salad = { id: 'm-salad', name: 'Insalata', price: '6.00' };

describe('phone order cart', () => {
  it('adds one more to the plain line of a dish, but keeps a modified line separate', () => {
    let lines: CartLine[] = [];
    lines = cartReducer(lines, { type: 'add', item: pizza });
    lines = cartReducer(lines, { type: 'add', item: pizza });
    expect(lines.map((l) => [l.name, l.quantity])).toEqual([['Margherita', 2]]);
    lines = cartReducer(lines, { type: 'modifications', key: lines[0].key, text: 'no basil' });
    lines = cartReducer(lines, { type: 'add', item: pizza });
    lines = cartReducer(lines, { type: 'add', item: salad });
    expect(lines.map((l) => [l.name, l.quantity, l.modifications])).toEqual([
      ['Margherita', 2, 'no basil'],
      ['Margherita', 1, ''],
      ['Insalata', 1, ''],
    ]);
    expect(cartTotal(lines)).toBe(31.5);
  });

  it('drops a line at quantity zero and caps quantities at 50', () => {
    let lines = cartReducer([], { type: 'add', item: salad });
    lines = cartReducer(lines, { type: 'quantity', key: lines[0].key, quantity: 80 });
    expect(lines[0].quantity).toBe(50);
    expect(cartReducer(lines, { type: 'quantity', key: lines[0].key, quantity: 0 })).toEqual([]);
  });

  it('sends trimmed modifications and leaves empty ones out', () => {
    let lines = cartReducer([], { type: 'add', item: pizza });
    lines = cartReducer(lines, { type: 'add', item: salad });
    lines = cartReducer(lines, { type: 'modifications', key: lines[0].key, text: '  well done ' });
    lines = cartReducer(lines, { type: 'modifications', key: lines[1].key, text: '   ' });
    expect(orderItems(lines)).toEqual([
      { menuItemId: 'm-pizza', quantity: 1, modifications: 'well done' },
      { menuItemId: 'm-salad', quantity: 1 },
    ]);
  });
});
