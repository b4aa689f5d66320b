import { createMenuItem } from '../../../core/menu/create-menu-item';
import { archiveMenuItem, restoreMenuItem } from '../../../core/menu/archive-menu-item';
import { getMenuItem, listMenuItems, type MenuItemWithRelations } from '../../../core/menu/list-menu-items';
import { setMenuItemAvailability } from '../../../core/menu/set-menu-item-availability';
import { setRecipeIngredients } from '../../../core/menu/set-recipe-ingredients';
import { updateMenuItem } from '../../../core/menu/update-menu-item';
import { builder } from '../builder';
import { WorkflowTemplateRef } from './workflow-template';

type IngredientRow = MenuItemWithRelations['ingredients'][number];

const IngredientItemRef = builder.objectRef<IngredientRow['inventoryItem']>('IngredientInventoryItem').implement({
  description: 'The inventory item a recipe consumes (name and unit only: stock needs inventory:read).',
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name'), unit: t.exposeString('unit') }),
});

const RecipeIngredientRef = builder.objectRef<IngredientRow>('RecipeIngredient').implement({
  fields: (t) => ({
    inventoryItem: t.field({ type: IngredientItemRef, resolve: (i) => i.inventoryItem }),
    quantity: t.expose('quantity', { type: 'Decimal', description: 'Consumed per portion, in the item unit.' }),
  }),
});

export const MenuItemRef = builder.objectRef<MenuItemWithRelations>('MenuItem').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    category: t.exposeString('category', { nullable: true }),
    description: t.exposeString('description', { nullable: true }),
    price: t.field({ type: 'Decimal', description: 'Two decimals, e.g. "12.50".', resolve: (m) => m.price.toFixed(2) }),
    allergens: t.exposeStringList('allergens'),
    isAvailable: t.exposeBoolean('isAvailable'),
    unavailableReason: t.exposeString('unavailableReason', { nullable: true }),
    displayOrder: t.exposeInt('displayOrder'),
    isActive: t.exposeBoolean('isActive', { description: 'false once archived.' }),
    archivedAt: t.expose('archivedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was taken off the menu (archiveMenuItem); null while on it.',
    }),
    workflowTemplate: t.field({ type: WorkflowTemplateRef, nullable: true, resolve: (m) => m.workflowTemplate }),
    ingredients: t.field({ type: [RecipeIngredientRef], resolve: (m) => m.ingredients }),
  }),
});

const RecipeIngredientInput = builder.inputType('RecipeIngredientInput', {
  fields: (t) => ({
    inventoryItemId: t.id({ required: true }),
    quantity: t.field({ type: 'Decimal', required: true, description: "Per portion, in the inventory item's unit." }),
    unit: t.string({ description: "The unit the quantity was entered in; refused (BAD_USER_INPUT on ingredients.<n>.unit) unless it is the item's unit." }),
  }),
});

const CreateMenuItemInput = builder.inputType('CreateMenuItemInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    price: t.field({ type: 'Decimal', required: true }),
    category: t.string(),
    description: t.string(),
    allergens: t.stringList(),
    workflowTemplateId: t.id(),
    displayOrder: t.int(),
    ingredients: t.field({ type: [RecipeIngredientInput] }),
  }),
});

const UpdateMenuItemInput = builder.inputType('UpdateMenuItemInput', {
  fields: (t) => ({
    name: t.string(),
    price: t.field({ type: 'Decimal' }),
    category: t.string(),
    description: t.string(),
    allergens: t.stringList(),
    workflowTemplateId: t.id({ description: 'null unlinks the recipe.' }),
    displayOrder: t.int(),
    ingredients: t.field({ type: [RecipeIngredientInput], description: 'When given, replaces the ingredient list in the same transaction.' }),
  }),
});

builder.queryFields((t) => ({
  menuItems: t.withAuth({ permission: 'menu:read' }).field({
    type: [MenuItemRef],
    args: {
      category: t.arg.string(),
      includeUnavailable: t.arg.boolean({ defaultValue: false }),
      includeArchived: t.arg.boolean({ defaultValue: false, description: 'Archived dishes too (the menu editor, to restore one).' }),
    },
    resolve: (_root, args, { db, actor }) => listMenuItems({ db, actor, input: args }),
  }),
  menuItem: t.withAuth({ permission: 'menu:read' }).field({
    type: MenuItemRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, { db, actor }) => getMenuItem({ db, actor, input: { id: String(args.id) } }),
  }),
}));

builder.mutationFields((t) => ({
  createMenuItem: t.withAuth({ permission: 'menu:write' }).field({
    type: MenuItemRef,
    args: { input: t.arg({ type: CreateMenuItemInput, required: true }) },
    resolve: (_root, { input }, { db, actor }) => createMenuItem({ db, actor, input }),
  }),
  updateMenuItem: t.withAuth({ permission: 'menu:write' }).field({
    type: MenuItemRef,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateMenuItemInput, required: true }) },
    resolve: (_root, args, { db, actor, kitchen }) => updateMenuItem({ db, actor, kitchen, input: { id: String(args.id), changes: args.input } }),
  }),
  setMenuItemAvailability: t.withAuth({ permission: 'menu:write' }).field({
    type: MenuItemRef,
    args: { id: t.arg.id({ required: true }), available: t.arg.boolean({ required: true }), reason: t.arg.string() },
    resolve: (_root, args, { db, actor, kitchen }) =>
      setMenuItemAvailability({ db, actor, kitchen, input: { id: String(args.id), available: args.available, reason: args.reason } }),
  }),
  setRecipeIngredients: t.withAuth({ permission: 'menu:write' }).field({
    type: MenuItemRef,
    description: 'Replaces the ingredient list of a menu item (what one portion consumes).',
    args: { menuItemId: t.arg.id({ required: true }), items: t.arg({ type: [RecipeIngredientInput], required: true }) },
    resolve: (_root, args, { db, actor }) => setRecipeIngredients({ db, actor, input: { menuItemId: String(args.menuItemId), items: args.items } }),
  }),
  archiveMenuItem: t.withAuth({ permission: 'menu:write' }).field({
    type: MenuItemRef,
    description: 'Off the menu: no new orders (console, platforms), kept for the orders that name it. NOT_FOUND when already archived.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, { db, actor, kitchen }) => archiveMenuItem({ db, actor, kitchen, input: { id: String(args.id) } }),
  }),
  restoreMenuItem: t.withAuth({ permission: 'menu:write' }).field({
    type: MenuItemRef,
    description: 'Back on the menu as it was. NOT_FOUND unless archived; CONFLICT (field ingredients) while one of its ingredients is archived.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, { db, actor, kitchen }) => restoreMenuItem({ db, actor, kitchen, input: { id: String(args.id) } }),
  }),
  deleteMenuItem: t.withAuth({ permission: 'menu:write' }).field({
    type: MenuItemRef,
    description: 'Kept for older clients: the same as archiveMenuItem (nothing is ever deleted).',
    deprecationReason: 'Use archiveMenuItem.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, { db, actor, kitchen }) => archiveMenuItem({ db, actor, kitchen, input: { id: String(args.id) } }),
  }),
}));
