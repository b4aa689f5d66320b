import { setModifierGroups } from '../../../core/menu/set-modifier-groups';
import { MODIFIER_EFFECT_KINDS, parseOrderedModifiers, type ModifierEffect, type OrderedModifier } from '../../../domain/menu';
import type { ModifierGroup, ModifierOption } from '../../../prisma/generated/client';
import { builder } from '../builder';
import { MenuItemRef } from './menu-item';

type GroupRow = ModifierGroup & { options: ModifierOption[] };

const ModifierEffectKindEnum = builder.enumType('ModifierEffectKind', {
  description:
    'SKIP_TASK / SKIP_SUBTASK remove a recipe task or checklist item; ADD_MINUTES lengthens a task; ADD_INGREDIENT / SCALE_INGREDIENT change what a portion consumes.',
  values: MODIFIER_EFFECT_KINDS,
});

export const ModifierEffectRef = builder.objectRef<ModifierEffect>('ModifierEffect').implement({
  description: 'One change an option makes: the fields its kind uses are set, the others null.',
  fields: (t) => ({
    kind: t.field({ type: ModifierEffectKindEnum, resolve: (e) => e.kind }),
    taskId: t.string({ nullable: true, description: 'The recipe task id.', resolve: (e) => ('taskId' in e ? e.taskId : null) }),
    subtaskId: t.string({ nullable: true, description: 'The checklist item id.', resolve: (e) => (e.kind === 'SKIP_SUBTASK' ? e.subtaskId : null) }),
    minutes: t.float({ nullable: true, resolve: (e) => (e.kind === 'ADD_MINUTES' ? e.minutes : null) }),
    inventoryItemId: t.string({ nullable: true, resolve: (e) => ('inventoryItemId' in e ? e.inventoryItemId : null) }),
    quantity: t.float({
      nullable: true,
      description: 'Added per portion, in the item unit.',
      resolve: (e) => (e.kind === 'ADD_INGREDIENT' ? e.quantity : null),
    }),
    factor: t.float({
      nullable: true,
      description: 'Multiplies the recipe quantity (0: none).',
      resolve: (e) => (e.kind === 'SCALE_INGREDIENT' ? e.factor : null),
    }),
  }),
});

const ModifierOptionRef = builder.objectRef<ModifierOption>('ModifierOption').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    priceDelta: t.field({ type: 'Decimal', description: 'Added to the dish price (may be negative).', resolve: (o) => o.priceDelta.toFixed(2) }),
    effects: t.field({
      type: [ModifierEffectRef],
      resolve: (o) =>
        parseOrderedModifiers([{ groupId: '', groupName: '', optionId: '', optionName: '', priceDelta: '0', effects: o.effects }])[0]?.effects ?? [],
    }),
  }),
});

export const ModifierGroupRef = builder.objectRef<GroupRow>('ModifierGroup').implement({
  description: 'A choice on a dish ("Cheese: extra / none"): an order item picks between minChoices and maxChoices of its options.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    minChoices: t.exposeInt('minChoices'),
    maxChoices: t.exposeInt('maxChoices'),
    options: t.field({ type: [ModifierOptionRef], resolve: (g) => g.options }),
  }),
});

/** An option as it was ordered (names and price delta as they were then). */
export const OrderedModifierRef = builder.objectRef<OrderedModifier>('OrderedModifier').implement({
  fields: (t) => ({
    groupId: t.exposeID('groupId'),
    groupName: t.exposeString('groupName'),
    optionId: t.exposeID('optionId'),
    optionName: t.exposeString('optionName'),
    priceDelta: t.field({ type: 'Decimal', resolve: (m) => m.priceDelta }),
    effects: t.field({ type: [ModifierEffectRef], resolve: (m) => m.effects }),
  }),
});

builder.objectField(MenuItemRef, 'modifierGroups', (t) =>
  t.field({ type: [ModifierGroupRef], resolve: (m) => ('modifierGroups' in m ? (m.modifierGroups as GroupRow[]) : []) }),
);

const ModifierEffectInput = builder.inputType('ModifierEffectInput', {
  description:
    'Set the fields the kind uses: taskId (SKIP_TASK), taskId + subtaskId (SKIP_SUBTASK), taskId + minutes (ADD_MINUTES), inventoryItemId + quantity (ADD_INGREDIENT), inventoryItemId + factor (SCALE_INGREDIENT).',
  fields: (t) => ({
    kind: t.field({ type: ModifierEffectKindEnum, required: true }),
    taskId: t.string(),
    subtaskId: t.string(),
    minutes: t.float(),
    inventoryItemId: t.id(),
    quantity: t.float(),
    factor: t.float(),
  }),
});

const ModifierOptionInput = builder.inputType('ModifierOptionInput', {
  fields: (t) => ({
    id: t.id({ description: 'An existing option of this dish, to keep its id.' }),
    name: t.string({ required: true }),
    priceDelta: t.field({ type: 'Decimal' }),
    effects: t.field({ type: [ModifierEffectInput] }),
  }),
});

const ModifierGroupInput = builder.inputType('ModifierGroupInput', {
  fields: (t) => ({
    id: t.id({ description: 'An existing group of this dish, to keep its id.' }),
    name: t.string({ required: true }),
    minChoices: t.int({ required: true }),
    maxChoices: t.int({ required: true }),
    options: t.field({ type: [ModifierOptionInput], required: true }),
  }),
});

/** GraphQL sends null for fields left out of a list element; the effect schema wants them absent. */
const withoutNulls = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withoutNulls)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (v === null ? [] : [[k, withoutNulls(v)]])))
      : value;

builder.mutationFields((t) => ({
  setModifierGroups: t.withAuth({ permission: 'menu:write' }).field({
    type: [ModifierGroupRef],
    description: "Replaces a dish's modifier groups and options (all checked first; nothing is saved when one is refused).",
    args: { menuItemId: t.arg.id({ required: true }), groups: t.arg({ type: [ModifierGroupInput], required: true }) },
    resolve: (_root, args, { db, actor }) =>
      setModifierGroups({ db, actor, input: { menuItemId: String(args.menuItemId), groups: withoutNulls(args.groups) } }),
  }),
}));
