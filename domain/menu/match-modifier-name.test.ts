import { matchModifierName, type NamedGroup } from './match-modifier-name';

const groups: NamedGroup[] = [
  {
    id: 'g-cheese',
    name: 'Cheese',
    options: [
      { id: 'c-extra', name: 'Extra' },
      { id: 'c-none', name: 'None' },
    ],
  },
  { id: 'g-sauce', name: 'Sauce', options: [{ id: 's-extra', name: 'Extra' }] },
  { id: 'g-basil', name: 'Basil', options: [{ id: 'no-basil', name: 'No basil' }] },
];

describe('matchModifierName', () => {
  it('maps a bare option name that only one group has, whatever its case and spacing', () => {
    expect(matchModifierName('  no   BASIL ', groups)).toEqual({ groupId: 'g-basil', optionId: 'no-basil' });
  });

  it('needs the group for a name two groups share', () => {
    expect(matchModifierName('Extra', groups)).toBeNull();
    expect(matchModifierName('sauce: extra', groups)).toEqual({ groupId: 'g-sauce', optionId: 's-extra' });
  });

  it('finds nothing for an unknown name', () => {
    expect(matchModifierName('Gluten free', groups)).toBeNull();
    expect(matchModifierName('Cheese: Double', groups)).toBeNull();
  });
});
