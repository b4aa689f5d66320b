import { createMenuItem } from '../../../core/menu/create-menu-item';
import { deleteMenuItem } from '../../../core/menu/delete-menu-item';
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
    isActive: t.exposeBoolean('isActive', { description: 'false once deleted (soft delete).' }),
    workflowTemplate: t.field({ type: WorkflowTemplateRef, nullable: true, resolve: (m) => m.workflowTemplate }),
    ingredients: t.field({ type: [RecipeIngredientRef], resolve: (m) => m.ingredients }),
  }),
});

const RecipeIngredientInput = builder.inputType('RecipeIngredientInput', {
  fields: (t) => ({
    inventoryItemId: t.id({ required: true }),
    quantity: t.field({ type: 'Decimal', required: true }),
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
  }),
});

builder.queryFields((t) => ({
  menuItems: t.withAuth({ permission: 'menu:read' }).field({
    type: [MenuItemRef],
    args: { category: t.arg.string(), includeUnavailable: t.arg.boolean({ defaultValue: false }) },
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
  deleteMenuItem: t.withAuth({ permission: 'menu:write' }).field({
    type: MenuItemRef,
    description: 'Soft delete: hidden from the menu, kept for order history.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, { db, actor }) => deleteMenuItem({ db, actor, input: { id: String(args.id) } }),
  }),
}));
