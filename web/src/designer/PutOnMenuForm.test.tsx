/** @jest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../api/errors';
import { ApiContext } from '../api/hooks';
import type { MenuItem } from '../admin/menu/menu-api';
import { fakeApi } from '../test-support/fake-api';
import { PutOnMenuForm } from './PutOnMenuForm';

const recipe = { id: 'r-carbonara', name: 'Carbonara', category: 'pasta' };
const dish = (over: Partial<MenuItem>): MenuItem => ({
  id: 'd-1',
  name: 'Amatriciana',
  category: 'pasta',
  description: null,
  price: '11.00',
  allergens: [],
  displayOrder: 0,
  isAvailable: true,
  unavailableReason: null,
  isActive: true,
  archivedAt: null,
  ingredients: [],
  workflowTemplate: { id: 'r-old', name: 'Old pasta', currentVersion: 1 },
  ...over,
});

/** The menu the form reads and the mutations it sends, answered in memory (the real server: api/graphql/menu-management.test.ts). */
function renderForm(opts: { failNext?: ApiError } = {}) {
  const sent: Array<{ op: string; variables: Record<string, unknown> }> = [];
  let failNext = opts.failNext ?? null;
  const api = fakeApi((query, variables) => {
    if (query.includes('query TenantCurrency')) return { me: { tenant: { currency: 'EUR' } } };
    if (query.includes('query MenuItems'))
      return { menuItems: [dish({}), dish({ id: 'd-2', name: 'Carbonara old', workflowTemplate: { id: recipe.id, name: 'Carbonara', currentVersion: 2 } })] };
    const op = query.includes('createMenuItem') ? 'create' : 'update';
    sent.push({ op, variables });
    if (failNext) {
      const err = failNext;
      failNext = null;
      throw err;
    }
    return op === 'create' ? { createMenuItem: dish({ id: 'd-new' }) } : { updateMenuItem: dish({}) };
  });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ApiContext.Provider value={api}>
        <PutOnMenuForm template={recipe} onClose={() => {}} />
      </ApiContext.Provider>
    </QueryClientProvider>,
  );
  return sent;
}

describe('put a recipe on the menu', () => {
  it('creates a dish cooked by the recipe, its name and category taken from the recipe', async () => {
    const sent = renderForm();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Carbonara');
    fireEvent.change(await screen.findByLabelText('Price (EUR)'), { target: { value: '12,50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Put on the menu' }));
    expect(await screen.findByText(/is on the menu with this recipe/)).toBeTruthy();
    expect(sent).toEqual([{ op: 'create', variables: { input: { name: 'Carbonara', price: '12.50', category: 'pasta', workflowTemplateId: recipe.id } } }]);
  });

  it('links an existing dish to the recipe, offering only dishes cooked by another one', async () => {
    const sent = renderForm();
    fireEvent.click(await screen.findByLabelText('An existing dish'));
    await waitFor(() => expect(screen.getByRole('option', { name: 'Amatriciana (now: Old pasta)' })).toBeTruthy());
    expect(screen.queryByRole('option', { name: /Carbonara old/ })).toBeNull();
    fireEvent.change(screen.getByLabelText('Dish'), { target: { value: 'd-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Put on the menu' }));
    await screen.findByText(/is on the menu with this recipe/);
    expect(sent).toEqual([{ op: 'update', variables: { id: 'd-1', input: { workflowTemplateId: recipe.id } } }]);
  });

  it('shows a taken name on the name field, leaving the form as typed', async () => {
    renderForm({ failNext: new ApiError('A menu item named "Carbonara" already exists', 'CONFLICT', { field: 'name' }) });
    fireEvent.change(await screen.findByLabelText('Price (EUR)'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Put on the menu' }));
    await waitFor(() => expect(document.querySelector('.field__error')?.textContent).toBe('A menu item named "Carbonara" already exists'));
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByLabelText('Price (EUR)') as HTMLInputElement).value).toBe('12');
  });
});
