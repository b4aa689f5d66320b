/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { toInput, type GroupDraft } from './modifier-draft';
import { ModifierGroupsForm, type ModifierTargets } from './ModifierGroupsForm';

const targets: ModifierTargets = {
  tasks: [
    { id: 'stendi', name: 'Stendi', subtasks: [] },
    { id: 'condisci', name: 'Condisci', subtasks: [{ id: 'mozzarella', name: 'Mozzarella' }] },
    { id: 'basilico', name: 'Basilico', subtasks: [] },
  ],
  ingredients: [{ id: 'inv-basil', name: 'Basil', unit: 'g' }],
};

function renderForm(initial: GroupDraft[] = []) {
  const saved: GroupDraft[][] = [];
  render(<ModifierGroupsForm dishName="Margherita" initial={initial} targets={targets} busy={false} error={null} onSave={(g) => saved.push(g)} />);
  return saved;
}

describe('modifier groups editor', () => {
  it('builds a "No basil" option that skips a task and uses none of the basil', () => {
    const saved = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Add group' }));
    fireEvent.change(screen.getByLabelText('Group name'), { target: { value: 'Basil' } });
    fireEvent.change(screen.getByLabelText('Option name'), { target: { value: 'No basil' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add change to “No basil”' }));
    fireEvent.change(screen.getByLabelText('Task'), { target: { value: 'basilico' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add change to “No basil”' }));
    const second = screen.getAllByLabelText('Change')[1];
    fireEvent.change(second, { target: { value: 'SCALE_INGREDIENT' } });
    fireEvent.change(screen.getByLabelText('Ingredient'), { target: { value: 'inv-basil' } });
    fireEvent.change(screen.getByLabelText('Factor (0 = none)'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save modifiers' }));
    expect(toInput(saved[0])).toEqual([
      {
        name: 'Basil',
        minChoices: 0,
        maxChoices: 1,
        options: [
          {
            name: 'No basil',
            priceDelta: '0',
            effects: [
              { kind: 'SKIP_TASK', taskId: 'basilico' },
              { kind: 'SCALE_INGREDIENT', inventoryItemId: 'inv-basil', factor: 0 },
            ],
          },
        ],
      },
    ]);
  });

  it('keeps ids, offers checklist items, and will not save more required choices than allowed', () => {
    const saved = renderForm([
      {
        id: 'g1',
        name: 'Cheese',
        minChoices: 0,
        maxChoices: 1,
        options: [{ id: 'o1', name: 'None', priceDelta: '-1.00', effects: [{ kind: 'SKIP_SUBTASK', target: 'condisci/mozzarella', amount: '' }] }],
      },
    ]);
    const group = screen.getByRole('group', { name: 'Group 1' });
    expect((within(group).getByLabelText('Checklist item') as HTMLSelectElement).value).toBe('condisci/mozzarella');
    fireEvent.change(within(group).getByLabelText('Min choices'), { target: { value: '2' } });
    expect(screen.getByText('Min choices must be at most max choices and the number of options.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save modifiers' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(group).getByLabelText('Min choices'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save modifiers' }));
    expect(toInput(saved[0])).toEqual([
      {
        id: 'g1',
        name: 'Cheese',
        minChoices: 1,
        maxChoices: 1,
        options: [{ id: 'o1', name: 'None', priceDelta: '-1.00', effects: [{ kind: 'SKIP_SUBTASK', taskId: 'condisci', subtaskId: 'mozzarella' }] }],
      },
    ]);
  });
});
