// Public surface of the menu modifiers module: pure, shared by server, workflows' inputs and web.
export {
  MODIFIER_EFFECT_KINDS,
  MAX_ADDED_MINUTES,
  MAX_SCALE_FACTOR,
  modifierEffectSchema,
  orderedModifierSchema,
  parseOrderedModifiers,
  effectTaskId,
  type ModifierEffect,
  type ModifierEffectKind,
  type OrderedModifier,
} from './modifier-effects';
export { addedMinutesByTask, applyModifiers, type ApplyModifiersResult } from './apply-modifiers';
export { checkModifierSelection, type SelectableGroup, type SelectionProblem } from './modifier-selection';
export { optionsForTask } from './options-for-task';
export { matchModifierName, type NamedGroup } from './match-modifier-name';
