/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { IngredientDraft } from './dish-form';
import { IngredientsEditor } from './IngredientsEditor';

const items = [
  { id: 'i-flour', name: 'Flour 00', unit: 'kg' },
  { id: 'i-eggs', name: 'Eggs', unit: 'pcs' },
];

/** The editor as the dish editor holds it: rows in state, every change reported. */
function Harness({ initial, seen }: { initial: IngredientDraft[]; seen: IngredientDraft[][] }) {
  const [rows, setRows] = useState(initial);
  return (
    <IngredientsEditor
      idPrefix="t"
      items={items}
      rows={rows}
      errors={{}}
      onChange={(next) => {
        seen.push(next);
        setRows(next);
      }}
    />
  );
}

const unitShown = (row: number) => screen.getByTestId(`t-ingredient-${row}-unit`).textContent;

describe('ingredients editor', () => {
  it('shows each quantity’s unit from the chosen inventory item, and follows a change of item', () => {
    const seen: IngredientDraft[][] = [];
    render(<Harness initial={[{ inventoryItemId: 'i-flour', quantity: '0.2' }]} seen={seen} />);
    expect(unitShown(0)).toBe('kg');
    fireEvent.change(screen.getByLabelText('Ingredient 1'), { target: { value: 'i-eggs' } });
    expect(unitShown(0)).toBe('pcs');
    expect(seen.at(-1)).toEqual([{ inventoryItemId: 'i-eggs', quantity: '0.2' }]);
  });

  it('adds a row with no unit until an item is chosen, offers each item once, and removes rows', () => {
    const seen: IngredientDraft[][] = [];
    render(<Harness initial={[{ inventoryItemId: 'i-flour', quantity: '1' }]} seen={seen} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add ingredient' }));
    expect(unitShown(1)).toBe('—');
    const flourInRow2 = screen.getByRole('option', { name: 'Flour 00', selected: false }) as HTMLOptionElement;
    expect(flourInRow2.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Ingredient 2'), { target: { value: 'i-eggs' } });
    fireEvent.change(screen.getByLabelText('Quantity 2'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove ingredient 1' }));
    expect(seen.at(-1)).toEqual([{ inventoryItemId: 'i-eggs', quantity: '2' }]);
    expect(unitShown(0)).toBe('pcs');
    expect(screen.queryByLabelText('Ingredient 2')).toBeNull();
  });

  it('says that a dish without ingredients deducts nothing', () => {
    render(<Harness initial={[]} seen={[]} />);
    expect(screen.getByText('None: ordering it deducts nothing from the stock.')).toBeTruthy();
  });
});
