import type { Role } from '../generated/client';
import type { WorkflowDefinition } from '../../domain/recipe';

/** A whole demo kitchen as data; seed-kitchen.ts writes it. Names are the natural keys. */
export type StationSpec = {
  name: string;
  capacity: number;
  taskTypes: string[];
  settings: { color: string; icon: string };
};

export type InventorySpec = {
  name: string;
  unit: string;
  stock: number;
  min: number;
  costPerUnit: number;
  supplier: string;
};

export type MenuSpec = {
  name: string;
  category: string;
  description: string;
  price: string;
  allergens: string[];
  recipe: WorkflowDefinition;
  /** Inventory item name → quantity used per one unit of this menu item (in the item's unit). */
  ingredients: Record<string, number>;
};

export type UserSpec = { email: string; name: string; role: Role; password: string };

export type KitchenSpec = {
  slug: string;
  name: string;
  settings: Record<string, string>;
  stations: StationSpec[];
  inventory: InventorySpec[];
  menu: MenuSpec[];
  users: UserSpec[];
};
