import type { WorkflowDefinition } from '../../domain/recipe';
import { optional, phase, task } from './recipe-builder';

/** Wok, grill, fryer and cold-line side of the demo kitchen (see demo-pizza-recipes.ts). */

export const padThai: WorkflowDefinition = {
  deduct_inventory_phase: 'prep',
  phases: [
    phase('prep', 'Mise en place', 1, [
      task('chicken', 'Slice & marinate chicken', 'prep', 3, { steps: ['Slice chicken thin', 'Marinate with soy'] }),
      task('noodles', 'Soak rice noodles', 'prep', 4),
      task('veg', 'Chop vegetables', 'prep', 2, {
        steps: ['Julienne carrots', 'Cut spring onions', optional('Rinse bean sprouts')],
      }),
    ]),
    phase('cook', 'Wok', 2, [
      task('sear', 'Sear chicken', 'wok', 3, { after: ['chicken'] }),
      task('toss', 'Toss noodles & sauce', 'wok', 3, {
        after: ['sear', 'noodles', 'veg'],
        steps: ['Add noodles', 'Add tamarind sauce', 'Push aside and scramble egg', optional('Extra chili')],
      }),
    ]),
    phase('finish', 'Finishing', 3, [
      task('garnish', 'Peanuts & lime', 'cold', 1, {
        after: ['toss'],
        steps: ['Crushed peanuts', 'Lime wedge', optional('Fresh coriander')],
      }),
      task('pack', 'Pack', 'packaging', 1, { after: ['garnish'] }),
    ]),
  ],
};

export const friedRice: WorkflowDefinition = {
  deduct_inventory_phase: 'prep',
  phases: [
    phase('prep', 'Mise en place', 1, [
      task('veg', 'Dice vegetables', 'prep', 2),
      task('eggs', 'Beat eggs', 'prep', 1, { steps: ['Crack 2 eggs', optional('Season with white pepper')] }),
    ]),
    phase('cook', 'Wok', 2, [
      task('scramble', 'Scramble eggs', 'wok', 1, { after: ['eggs'] }),
      task('fry', 'Fry the rice', 'wok', 3, {
        after: ['scramble', 'veg'],
        steps: ['Fry rice on high heat', 'Add soy sauce', 'Fold in the egg'],
      }),
    ]),
    phase('finish', 'Finishing', 3, [task('pack', 'Pack', 'packaging', 1, { after: ['fry'], steps: ['Fill container', optional('Sprinkle sesame')] })]),
  ],
};

export const springRolls: WorkflowDefinition = {
  deduct_inventory_phase: 'prep',
  phases: [
    phase('prep', 'Preparation', 1, [
      task('roll', 'Roll spring rolls', 'prep', 4, { steps: ['Fill wrappers', 'Roll tightly', 'Seal the edge'] }),
      task('dip', 'Sweet chili dip', 'cold', 1),
    ]),
    phase('fry', 'Frying', 2, [task('fry', 'Deep-fry', 'fryer', 4, { after: ['roll'], steps: ['Fry at 180 °C', 'Drain on the rack'] })]),
    phase('finish', 'Finishing', 3, [task('pack', 'Pack with dip', 'packaging', 1, { after: ['fry', 'dip'] })]),
  ],
};

export const satay: WorkflowDefinition = {
  deduct_inventory_phase: 'prep',
  phases: [
    phase('prep', 'Preparation', 1, [task('skewer', 'Skewer marinated chicken', 'prep', 3, { steps: ['Thread 4 skewers', optional('Brush with oil')] })]),
    phase('cook', 'Grill & wok', 2, [
      task('grill', 'Grill skewers', 'grill', 8, {
        after: ['skewer'],
        steps: ['Grill 4 min per side', optional('Baste with marinade')],
      }),
      task('sauce', 'Peanut sauce', 'wok', 3, { steps: ['Toast peanuts', 'Simmer with coconut milk'] }),
    ]),
    phase('finish', 'Finishing', 3, [
      task('pack', 'Plate & pack', 'packaging', 1, {
        after: ['grill', 'sauce'],
        steps: ['Pack skewers', 'Sauce pot', optional('Cucumber salad')],
      }),
    ]),
  ],
};

export const teriyakiBowl: WorkflowDefinition = {
  deduct_inventory_phase: 'cook',
  phases: [
    phase('cook', 'Grill & wok', 1, [
      task('beef', 'Grill the beef', 'grill', 6, { steps: ['Season', 'Grill to medium', 'Rest 1 min'] }),
      task('greens', 'Stir-fry greens', 'wok', 3, { steps: ['Pak choi & broccoli', 'Teriyaki glaze'] }),
      task('rice', 'Portion steamed rice', 'prep', 1),
    ]),
    phase('finish', 'Assembly', 2, [
      task('assemble', 'Slice & assemble', 'prep', 2, {
        after: ['beef', 'greens', 'rice'],
        steps: ['Slice the beef', 'Build the bowl', optional('Sesame & spring onion')],
      }),
      task('pack', 'Pack', 'packaging', 1, { after: ['assemble'] }),
    ]),
  ],
};

export const fries: WorkflowDefinition = {
  phases: [
    phase('prep', 'Preparation', 1, [task('portion', 'Portion fries', 'prep', 1)]),
    phase('fry', 'Frying', 2, [task('fry', 'Fry', 'fryer', 4, { after: ['portion'], steps: ['Fry', 'Shake the basket', 'Drain'] })]),
    phase('finish', 'Finishing', 3, [task('pack', 'Salt & pack', 'packaging', 1, { after: ['fry'], steps: ['Salt', optional('Add ketchup sachet')] })]),
  ],
};

export const tiramisu: WorkflowDefinition = {
  phases: [
    phase('plate', 'Plating', 1, [
      task('portion', 'Portion tiramisù', 'cold', 1, { steps: ['Cut a portion', 'Place in a cup'] }),
      task('dust', 'Dust with cocoa', 'cold', 1, { after: ['portion'], steps: [optional('Extra cocoa')] }),
    ]),
    phase('finish', 'Finishing', 2, [task('pack', 'Lid & pack', 'packaging', 1, { after: ['dust'] })]),
  ],
};
