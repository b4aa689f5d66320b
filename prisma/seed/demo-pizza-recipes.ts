import type { WorkflowDefinition } from '../../domain/recipe';
import { optional, phase, task } from './recipe-builder';

/**
 * Pizzeria side of the demo kitchen. Each recipe is a DAG: prep branches run in parallel on
 * different stations (the oven stretches dough while prep slices toppings) and join on the
 * oven; finishing hands off to packaging. Inventory is deducted when preparation starts.
 */
const dough = task('dough', 'Stretch the dough', 'forno', 2, {
  steps: ['Take a dough ball', 'Stretch to 30 cm', optional('Dust with semolina')],
});

export const margherita: WorkflowDefinition = {
  deduct_inventory_phase: 'prep',
  phases: [
    phase('prep', 'Preparation', 1, [
      dough,
      task('basil', 'Pick fresh basil', 'prep', 1, { steps: ['Pick 5 leaves', optional('Rinse and pat dry')] }),
      task('top', 'Tomato & mozzarella', 'forno', 2, {
        after: ['dough'],
        steps: ['Spread tomato sauce', 'Tear mozzarella on top'],
      }),
    ]),
    phase('bake', 'Baking', 2, [
      task('bake', 'Bake in the wood oven', 'forno', 4, {
        after: ['top'],
        steps: ['Slide into the oven', 'Turn halfway', 'Check the crust'],
      }),
    ]),
    phase('finish', 'Finishing', 3, [
      task('garnish', 'Basil & olive oil', 'prep', 1, {
        after: ['bake', 'basil'],
        steps: ['Add basil', optional('Drizzle olive oil')],
      }),
      task('box', 'Cut & box', 'packaging', 1, { after: ['garnish'], steps: ['Cut in 6 slices', 'Box and label'] }),
    ]),
  ],
};

export const diavola: WorkflowDefinition = {
  deduct_inventory_phase: 'prep',
  phases: [
    phase('prep', 'Preparation', 1, [
      dough,
      task('salami', 'Slice spicy salami', 'prep', 2, { steps: ['Slice salami thin', optional('Prepare chili flakes')] }),
      task('top', 'Tomato, mozzarella & salami', 'forno', 2, { after: ['dough', 'salami'] }),
    ]),
    phase('bake', 'Baking', 2, [task('bake', 'Bake in the wood oven', 'forno', 4, { after: ['top'] })]),
    phase('finish', 'Finishing', 3, [
      task('box', 'Cut & box', 'packaging', 1, {
        after: ['bake'],
        steps: ['Cut in 6 slices', 'Box and label', optional('Add chili oil sachet')],
      }),
    ]),
  ],
};

export const capricciosa: WorkflowDefinition = {
  deduct_inventory_phase: 'prep',
  phases: [
    phase('prep', 'Preparation', 1, [
      dough,
      task('mushrooms', 'Slice mushrooms', 'prep', 2, { steps: ['Brush clean', 'Slice'] }),
      task('ham', 'Cut ham & artichokes', 'prep', 2, {
        steps: ['Cut ham into strips', 'Quarter artichokes', optional('Pit olives')],
      }),
      task('top', 'Top the pizza', 'forno', 3, { after: ['dough', 'mushrooms', 'ham'] }),
    ]),
    phase('bake', 'Baking', 2, [task('bake', 'Bake in the wood oven', 'forno', 5, { after: ['top'] })]),
    phase('finish', 'Finishing', 3, [task('box', 'Cut & box', 'packaging', 1, { after: ['bake'], steps: ['Cut in 6 slices', 'Box and label'] })]),
  ],
};

export const calzone: WorkflowDefinition = {
  deduct_inventory_phase: 'prep',
  phases: [
    phase('prep', 'Preparation', 1, [
      dough,
      task('filling', 'Mix ricotta filling', 'prep', 3, {
        steps: ['Mix ricotta & mozzarella', 'Fold in ham', optional('Season with black pepper')],
      }),
      task('dip', 'Portion tomato dip', 'cold', 1),
    ]),
    phase('bake', 'Baking', 2, [
      task('fold', 'Fill & fold', 'forno', 2, {
        after: ['dough', 'filling'],
        steps: ['Fill half the disc', 'Fold and seal the edge'],
      }),
      task('bake', 'Bake in the wood oven', 'forno', 7, { after: ['fold'] }),
    ]),
    phase('finish', 'Finishing', 3, [
      // Waits for the dip from the prep phase: a dependency that skips a phase.
      task('box', 'Box with dip', 'packaging', 1, { after: ['bake', 'dip'], steps: ['Box', 'Add the dip pot'] }),
    ]),
  ],
};
