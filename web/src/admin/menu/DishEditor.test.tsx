/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '../../api/errors';
import { DishEditor } from './DishEditor';
import { EMPTY_DISH, type DishDraft } from './dish-form';
import type { CreateMenuItemInput, DishChoices } from './menu-api';

const choices: DishChoices = {
  currency: 'EUR',
  recipes: [
    { id: 'r-pizza', name: 'Pizza base', category: 'pizza', currentVersion: 3 },
    { id: 'r-new', name: 'Calzone', category: 'pizza', currentVersion: null },
  ],
  inventoryItems: [
    { id: 'i-flour', name: 'Flour 00', unit: 'kg' },
    { id: 'i-basil', name: 'Basil', unit: 'bunch' },
  ],
};

function renderEditor(initial: DishDraft = EMPTY_DISH, error: unknown = null) {
  const sent: CreateMenuItemInput[] = [];
  const view = render(
    <DishEditor initial={initial} choices={choices} submitLabel="Add dish" busy={false} error={error} onSubmit={(i) => sent.push(i)} onCancel={() => {}} />,
  );
  return { sent, view };
}

const type = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const errorOf = (label: string | RegExp) => {
  const ids = screen.getByLabelText(label).getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field__error'))?.textContent ?? null;
};

describe('dish editor', () => {
  it('sends a new dish with its price in the tenant currency, allergens, order, recipe and ingredients in one input', () => {
    const { sent } = renderEditor();
    expect(screen.getByLabelText('Price (EUR)')).toBeTruthy();
    type('Name', '  Margherita ');
    type('Category', 'Pizza');
    type('Price (EUR)', '8,50');
    type('Allergens', 'gluten, milk, ');
    type('Display order', '2');
    fireEvent.change(screen.getByLabelText('Recipe'), { target: { value: 'r-pizza' } });
    expect(screen.getByText('New orders use version 3, and each version published after it.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add ingredient' }));
    fireEvent.change(screen.getByLabelText('Ingredient 1'), { target: { value: 'i-flour' } });
    type('Quantity 1', '0.25');
    fireEvent.click(screen.getByRole('button', { name: 'Add dish' }));
    expect(sent).toEqual([
      {
        name: 'Margherita',
        category: 'Pizza',
        description: null,
        price: '8.50',
        allergens: ['gluten', 'milk'],
        displayOrder: 2,
        workflowTemplateId: 'r-pizza',
        ingredients: [{ inventoryItemId: 'i-flour', quantity: '0.25', unit: 'kg' }],
      },
    ]);
  });

  it('says an unpublished recipe cannot be ordered yet, and unlinking sends no recipe', () => {
    const { sent } = renderEditor({ ...EMPTY_DISH, name: 'Calzone', price: '9', workflowTemplateId: 'r-new' });
    expect(screen.getByText('Not published yet: the dish can be ordered once the recipe is published.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Recipe'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add dish' }));
    expect(sent[0]).toMatchObject({ name: 'Calzone', workflowTemplateId: null, ingredients: [] });
  });

  it('puts the server’s errors on the field and the ingredient row they name', () => {
    const draft: DishDraft = {
      ...EMPTY_DISH,
      name: 'Margherita',
      price: '-1',
      ingredients: [
        { inventoryItemId: '', quantity: '' },
        { inventoryItemId: 'i-basil', quantity: '2' },
      ],
    };
    const error = new ApiError('Invalid input', 'BAD_USER_INPUT', {
      fieldErrors: [
        { path: 'price', message: 'must be at least 0' },
        // The empty first row is not sent, so the server's row 0 is the editor's row 2.
        { path: 'ingredients.0.unit', message: 'the quantity is in g, but "Basil" is counted in bunch' },
      ],
    });
    renderEditor(draft, error);
    expect(errorOf('Price (EUR)')).toBe('must be at least 0');
    expect(errorOf('Ingredient 2')).toBe('the quantity is in g, but "Basil" is counted in bunch');
    expect(errorOf('Ingredient 1')).toBeNull();
    expect(errorOf('Name')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a taken name on the name field', () => {
    renderEditor({ ...EMPTY_DISH, name: 'Margherita' }, new ApiError('A menu item named "Margherita" already exists', 'CONFLICT', { field: 'name' }));
    expect(errorOf('Name')).toBe('A menu item named "Margherita" already exists');
  });
});
