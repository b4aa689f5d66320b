import type { WorkflowDefinition } from '../../domain/recipe';
import { DEMO_LOGINS } from './demo-logins';
import type { KitchenSpec } from './kitchen-spec';
import { optional, phase, task } from './recipe-builder';

/** `demo2`: a small second kitchen, so tenant isolation can be seen (and tested) from both sides. */

const cheeseburger: WorkflowDefinition = {
  deduct_inventory_phase: 'cook',
  phases: [
    phase('cook', 'Grill', 1, [
      task('patty', 'Grill the patty', 'grill', 5, { steps: ['Smash & season', 'Flip', 'Melt cheddar'] }),
      task('bun', 'Toast the bun', 'grill', 1),
    ]),
    phase('finish', 'Assembly', 2, [
      task('assemble', 'Assemble', 'prep', 2, {
        after: ['patty', 'bun'],
        steps: ['Sauce', 'Lettuce', optional('Pickles')],
      }),
      task('wrap', 'Wrap & bag', 'packaging', 1, { after: ['assemble'] }),
    ]),
  ],
};

const veggieWrap: WorkflowDefinition = {
  phases: [
    phase('prep', 'Preparation', 1, [task('slice', 'Slice vegetables', 'prep', 2)]),
    phase('cook', 'Grill', 2, [task('grill', 'Grill vegetables', 'grill', 4, { after: ['slice'] })]),
    phase('finish', 'Assembly', 3, [
      task('roll', 'Roll the wrap', 'prep', 1, { after: ['grill'], steps: ['Warm tortilla', optional('Add hummus')] }),
      task('bag', 'Bag', 'packaging', 1, { after: ['roll'] }),
    ]),
  ],
};

export const demo2Kitchen: KitchenSpec = {
  slug: 'demo2',
  name: 'Brigade Demo 2 — Burger Corner',
  settings: { timezone: 'Europe/Berlin', currency: 'EUR', locale: 'en' },
  stations: [
    { name: 'Grill', capacity: 2, taskTypes: ['grill'], settings: { color: '#862e9c', icon: 'grill' } },
    { name: 'Assembly', capacity: 1, taskTypes: ['prep', 'packaging'], settings: { color: '#2b8a3e', icon: 'box' } },
  ],
  inventory: [
    { name: 'Burger bun', unit: 'pcs', stock: 60, min: 20, costPerUnit: 0.4, supplier: 'Bäckerei Kunz' },
    { name: 'Beef patty', unit: 'pcs', stock: 50, min: 20, costPerUnit: 1.6, supplier: 'Metzgerei Huber' },
    { name: 'Cheddar slice', unit: 'pcs', stock: 80, min: 30, costPerUnit: 0.2, supplier: 'Metzgerei Huber' },
    { name: 'Tortilla', unit: 'pcs', stock: 40, min: 15, costPerUnit: 0.3, supplier: 'Bäckerei Kunz' },
    { name: 'Vegetable mix', unit: 'kg', stock: 5, min: 2, costPerUnit: 3.5, supplier: 'Grünmarkt' },
  ],
  menu: [
    {
      name: 'Classic Cheeseburger',
      category: 'burgers',
      description: 'Beef patty, cheddar, lettuce, house sauce',
      price: '9.90',
      allergens: ['gluten', 'milk', 'mustard'],
      recipe: cheeseburger,
      ingredients: { 'Burger bun': 1, 'Beef patty': 1, 'Cheddar slice': 1 },
    },
    {
      name: 'Grilled Veggie Wrap',
      category: 'wraps',
      description: 'Grilled vegetables in a warm tortilla',
      price: '8.50',
      allergens: ['gluten', 'sesame'],
      recipe: veggieWrap,
      ingredients: { Tortilla: 1, 'Vegetable mix': 0.2 },
    },
  ],
  users: DEMO_LOGINS.filter((l) => l.tenant === 'demo2').map(({ email, name, role, password }) => ({ email, name, role, password })),
};
