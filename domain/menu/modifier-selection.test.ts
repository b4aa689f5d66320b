import { checkModifierSelection, type SelectableGroup } from './modifier-selection';

const groups: SelectableGroup[] = [
  {
    id: 'g-cheese',
    name: 'Cheese',
    minChoices: 1,
    maxChoices: 1,
    options: [
      { id: 'extra', name: 'Extra' },
      { id: 'none', name: 'None' },
    ],
  },
  { id: 'g-basil', name: 'No basil', minChoices: 0, maxChoices: 1, options: [{ id: 'no-basil', name: 'No basil' }] },
];

describe('checkModifierSelection', () => {
  it('accepts a choice within every group', () => {
    expect(checkModifierSelection(groups, ['extra', 'no-basil'])).toEqual([]);
    expect(checkModifierSelection(groups, ['none'])).toEqual([]);
  });

  it('names the group with too few or too many choices', () => {
    expect(checkModifierSelection(groups, [])).toEqual([{ groupId: 'g-cheese', message: '"Cheese": choose at least 1, got 0' }]);
    expect(checkModifierSelection(groups, ['extra', 'none'])).toEqual([{ groupId: 'g-cheese', message: '"Cheese": choose at most 1, got 2' }]);
  });

  it('refuses an option of another dish and one chosen twice', () => {
    expect(checkModifierSelection(groups, ['extra', 'elsewhere'])).toEqual([{ groupId: null, message: 'option elsewhere is not a modifier of this dish' }]);
    expect(checkModifierSelection(groups, ['extra', 'no-basil', 'no-basil'])).toEqual([
      { groupId: 'g-basil', message: '"No basil": an option is chosen twice' },
    ]);
  });
});
