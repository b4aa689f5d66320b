/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '../../api/errors';
import type { CreateInventoryItemInput } from './inventory-api';
import { EMPTY_INVENTORY_ITEM, type InventoryItemDraft } from './inventory-item-form';
import { InventoryItemEditor } from './InventoryItemEditor';

function renderEditor(opts: { initial?: InventoryItemDraft; editing?: boolean; error?: unknown } = {}) {
  const sent: CreateInventoryItemInput[] = [];
  render(
    <InventoryItemEditor
      initial={opts.initial ?? EMPTY_INVENTORY_ITEM}
      editing={opts.editing ?? false}
      busy={false}
      error={opts.error ?? null}
      onSubmit={(i) => sent.push(i)}
      onCancel={() => {}}
    />,
  );
  return sent;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const errorOf = (label: string) => {
  const ids = screen.getByLabelText(label).getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field__error'))?.textContent ?? null;
};
const flour: InventoryItemDraft = { name: 'Flour 00', unit: 'kg', initialStock: '12.5', minStock: '10', costPerUnit: '0.8', supplier: 'Molino' };

describe('inventory item editor', () => {
  it('adds an item with its unit shown on the stock, minimum and cost fields, and decimal commas read as points', () => {
    const sent = renderEditor();
    type('Name', ' Mozzarella ');
    type('Unit', 'kg');
    expect(screen.getByLabelText('Stock now (kg)')).toBeTruthy();
    type('Stock now (kg)', '4,5');
    type('Minimum (kg)', '2');
    type('Cost per kg', '7,90');
    fireEvent.click(screen.getByRole('button', { name: 'Add item' }));
    expect(sent).toEqual([{ name: 'Mozzarella', unit: 'kg', initialStock: '4.5', minStock: '2', costPerUnit: '7.90', supplier: null }]);
  });

  it('edits the details of an existing item without a stock field: stock moves only through the ledger', () => {
    const sent = renderEditor({ initial: flour, editing: true });
    expect(screen.queryByLabelText(/Stock now/)).toBeNull();
    type('Supplier', 'Molino Rossi');
    type('Minimum (kg)', '15');
    fireEvent.click(screen.getByRole('button', { name: 'Save item' }));
    expect(sent[0]).toMatchObject({ name: 'Flour 00', unit: 'kg', minStock: '15', costPerUnit: '0.8', supplier: 'Molino Rossi' });
  });

  it('puts a unit the dishes rely on (CONFLICT on unit) and a bad minimum under their fields', () => {
    renderEditor({
      initial: flour,
      editing: true,
      error: new ApiError('Used by "Margherita" on the menu: its recipe quantities are in kg. Remove it from their ingredients first.', 'CONFLICT', {
        field: 'unit',
      }),
    });
    expect(errorOf('Unit')).toContain('Used by "Margherita"');
    expect(errorOf('Name')).toBeNull();
  });

  it('shows the server’s validation errors under the fields they name', () => {
    renderEditor({
      error: new ApiError('Invalid input: minStock: must be at least 0', 'BAD_USER_INPUT', {
        fieldErrors: [{ path: 'minStock', message: 'must be at least 0' }],
      }),
    });
    expect(errorOf('Minimum')).toBe('must be at least 0');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
