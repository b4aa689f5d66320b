/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { useReducer } from 'react';
import { cartReducer, cartTotal, orderItems, type CartLine, type CartModifierGroup } from './cart';
import { CartEditor } from './CartEditor';

const groups: CartModifierGroup[] = [
  {
    id: 'g-cheese',
    name: 'Cheese',
    minChoices: 1,
    maxChoices: 1,
    options: [
      { id: 'extra', name: 'Extra', priceDelta: '1.50' },
      { id: 'none', name: 'None', priceDelta: '-1.00' },
    ],
  },
  {
    id: 'g-top',
    name: 'Toppings',
    minChoices: 0,
    maxChoices: 2,
    options: [
      { id: 'olives', name: 'Olives', priceDelta: '0.50' },
      { id: 'chili', name: 'Chili', priceDelta: '0' },
      { id: 'anchovy', name: 'Anchovy', priceDelta: '1.00' },
    ],
  },
];
const pizza = { id: 'm-pizza', name: 'Margherita', price: '8.50', modifierGroups: groups };

let latest: CartLine[] = [];
function Cart() {
  const [lines, dispatch] = useReducer(cartReducer, [], (init: CartLine[]) => cartReducer(init, { type: 'add', item: pizza }));
  latest = lines;
  return <CartEditor lines={lines} dispatch={dispatch} />;
}

describe('console modifier picker', () => {
  it('asks for the required group, takes one cheese, and at most two toppings', () => {
    render(<Cart />);
    expect(screen.getByLabelText('Choices missing for Margherita').textContent).toBe('"Cheese": choose at least 1, got 0');
    fireEvent.click(screen.getByLabelText(/^Extra/));
    fireEvent.click(screen.getByLabelText(/^None/));
    expect(screen.queryByLabelText('Choices missing for Margherita')).toBeNull();
    fireEvent.click(screen.getByLabelText(/^Olives/));
    fireEvent.click(screen.getByLabelText(/^Chili/));
    fireEvent.click(screen.getByLabelText(/^Anchovy/));
    expect((screen.getByLabelText(/^Anchovy/) as HTMLInputElement).checked).toBe(false);
    expect(orderItems(latest)).toEqual([
      {
        menuItemId: 'm-pizza',
        quantity: 1,
        modifiers: [
          { groupId: 'g-cheese', optionId: 'none' },
          { groupId: 'g-top', optionId: 'olives' },
          { groupId: 'g-top', optionId: 'chili' },
        ],
      },
    ]);
    expect(cartTotal(latest)).toBe(8); // 8.50 − 1.00 + 0.50
  });

  it('keeps a line with options apart from the plain line of the same dish', () => {
    let lines = cartReducer([], { type: 'add', item: pizza });
    lines = cartReducer(lines, { type: 'modifier', key: lines[0].key, groupId: 'g-cheese', optionId: 'extra', chosen: true });
    lines = cartReducer(lines, { type: 'add', item: pizza });
    expect(lines.map((l) => l.modifiers)).toEqual([['extra'], []]);
    // An option of another group or dish is not taken.
    expect(cartReducer(lines, { type: 'modifier', key: lines[1].key, groupId: 'g-cheese', optionId: 'olives', chosen: true })[1].modifiers).toEqual([]);
  });
});
