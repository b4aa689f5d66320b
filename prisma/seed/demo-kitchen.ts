import { DEMO_LOGINS } from './demo-logins';
import * as pizza from './demo-pizza-recipes';
import * as wok from './demo-wok-recipes';
import type { InventorySpec, KitchenSpec } from './kitchen-spec';

/** `demo`: a busy pizzeria-and-wok kitchen, enough to exercise every screen and station. */

const stations: KitchenSpec['stations'] = [
  { name: 'Forno', capacity: 2, taskTypes: ['forno'], settings: { color: '#d9480f', icon: 'flame' } },
  { name: 'Wok', capacity: 2, taskTypes: ['wok'], settings: { color: '#e67700', icon: 'wok' } },
  { name: 'Grill', capacity: 1, taskTypes: ['grill'], settings: { color: '#862e9c', icon: 'grill' } },
  { name: 'Fryer', capacity: 2, taskTypes: ['fryer'], settings: { color: '#f08c00', icon: 'fryer' } },
  { name: 'Prep & Cold', capacity: 2, taskTypes: ['prep', 'cold'], settings: { color: '#2b8a3e', icon: 'knife' } },
  { name: 'Pass & Packaging', capacity: 1, taskTypes: ['packaging'], settings: { color: '#1864ab', icon: 'box' } },
];

// [name, unit, stock, min, cost per unit, supplier]; fresh basil starts below its minimum on purpose.
const inventoryRows: [string, string, number, number, number, string][] = [
  ['Pizza dough ball', 'pcs', 120, 40, 0.35, 'House-made'],
  ['Tomato sauce', 'kg', 18, 5, 2.4, 'Mutti Foodservice'],
  ['Mozzarella fior di latte', 'kg', 14, 5, 9.8, 'Caseificio Ferrari'],
  ['Fresh basil', 'kg', 0.25, 0.3, 22, 'Orto Locale'],
  ['Spicy salami', 'kg', 4, 1.5, 16.5, 'Salumificio Rossi'],
  ['Cooked ham', 'kg', 5, 1.5, 12.9, 'Salumificio Rossi'],
  ['Mushrooms', 'kg', 6, 2, 4.2, 'Orto Locale'],
  ['Artichokes', 'kg', 3, 1, 8.5, 'Orto Locale'],
  ['Ricotta', 'kg', 4, 1, 6.8, 'Caseificio Ferrari'],
  ['Olive oil', 'l', 10, 3, 8.9, 'Frantoio Verde'],
  ['Rice noodles', 'kg', 8, 3, 3.6, 'Asia Wholesale'],
  ['Chicken breast', 'kg', 12, 4, 8.4, 'Carni Sartori'],
  ['Beef sirloin', 'kg', 6, 2, 24, 'Carni Sartori'],
  ['Jasmine rice', 'kg', 25, 8, 2.1, 'Asia Wholesale'],
  ['Eggs', 'pcs', 180, 60, 0.22, 'Fattoria Sole'],
  ['Mixed vegetables', 'kg', 10, 4, 3.2, 'Orto Locale'],
  ['Peanuts', 'kg', 3, 1, 7.5, 'Asia Wholesale'],
  ['Soy sauce', 'l', 6, 2, 4.1, 'Asia Wholesale'],
  ['Tamarind sauce', 'l', 3, 1, 6.3, 'Asia Wholesale'],
  ['Teriyaki sauce', 'l', 3, 1, 7.2, 'Asia Wholesale'],
  ['Sweet chili sauce', 'l', 2, 0.5, 5.4, 'Asia Wholesale'],
  ['Spring roll wrappers', 'pcs', 200, 80, 0.06, 'Asia Wholesale'],
  ['Frying oil', 'l', 40, 15, 2.3, 'Frantoio Verde'],
  ['Potatoes', 'kg', 30, 10, 0.95, 'Orto Locale'],
  ['Limes', 'pcs', 40, 15, 0.25, 'Orto Locale'],
  ['Tiramisù portion', 'pcs', 14, 6, 1.8, 'House-made'],
  ['Cocoa powder', 'kg', 1, 0.2, 12, 'Pasticceria Dolce'],
  ['Pizza box', 'pcs', 150, 50, 0.28, 'PackItalia'],
  ['Takeaway container', 'pcs', 300, 100, 0.12, 'PackItalia'],
];

const inventory: InventorySpec[] = inventoryRows.map(([name, unit, stock, min, costPerUnit, supplier]) => ({
  name,
  unit,
  stock,
  min,
  costPerUnit,
  supplier,
}));

const pizzaBase = { 'Pizza dough ball': 1, 'Tomato sauce': 0.08, 'Pizza box': 1 };
const bowl = { 'Takeaway container': 1 };

const menu: KitchenSpec['menu'] = [
  {
    name: 'Pizza Margherita',
    category: 'pizza',
    description: 'Tomato, fior di latte, fresh basil, olive oil',
    price: '8.50',
    allergens: ['gluten', 'milk'],
    recipe: pizza.margherita,
    ingredients: { ...pizzaBase, 'Mozzarella fior di latte': 0.125, 'Fresh basil': 0.005, 'Olive oil': 0.01 },
  },
  {
    name: 'Pizza Diavola',
    category: 'pizza',
    description: 'Tomato, fior di latte, spicy salami',
    price: '10.50',
    allergens: ['gluten', 'milk'],
    recipe: pizza.diavola,
    ingredients: { ...pizzaBase, 'Mozzarella fior di latte': 0.11, 'Spicy salami': 0.06 },
  },
  {
    name: 'Pizza Capricciosa',
    category: 'pizza',
    description: 'Tomato, fior di latte, ham, mushrooms, artichokes',
    price: '11.50',
    allergens: ['gluten', 'milk'],
    recipe: pizza.capricciosa,
    ingredients: { ...pizzaBase, 'Mozzarella fior di latte': 0.11, 'Cooked ham': 0.05, Mushrooms: 0.05, Artichokes: 0.04 },
  },
  {
    name: 'Calzone',
    category: 'pizza',
    description: 'Folded pizza with ricotta, fior di latte and ham, tomato dip',
    price: '11.00',
    allergens: ['gluten', 'milk'],
    recipe: pizza.calzone,
    ingredients: { ...pizzaBase, 'Tomato sauce': 0.06, Ricotta: 0.1, 'Mozzarella fior di latte': 0.08, 'Cooked ham': 0.06 },
  },
  {
    name: 'Chicken Pad Thai',
    category: 'wok',
    description: 'Rice noodles, chicken, egg, tamarind, peanuts, lime',
    price: '13.50',
    allergens: ['egg', 'peanuts', 'soy', 'fish'],
    recipe: wok.padThai,
    ingredients: { ...bowl, 'Rice noodles': 0.12, 'Chicken breast': 0.15, Eggs: 1, 'Mixed vegetables': 0.08, Peanuts: 0.02, 'Tamarind sauce': 0.04, Limes: 1 },
  },
  {
    name: 'Vegetable Fried Rice',
    category: 'wok',
    description: 'Jasmine rice, egg, seasonal vegetables, soy',
    price: '10.00',
    allergens: ['egg', 'soy', 'sesame'],
    recipe: wok.friedRice,
    ingredients: { ...bowl, 'Jasmine rice': 0.18, Eggs: 2, 'Mixed vegetables': 0.1, 'Soy sauce': 0.02 },
  },
  {
    name: 'Spring Rolls (4)',
    category: 'starters',
    description: 'Crispy vegetable spring rolls with sweet chili dip',
    price: '6.50',
    allergens: ['gluten', 'soy'],
    recipe: wok.springRolls,
    ingredients: { ...bowl, 'Spring roll wrappers': 4, 'Mixed vegetables': 0.1, 'Frying oil': 0.05, 'Sweet chili sauce': 0.03 },
  },
  {
    name: 'Chicken Satay',
    category: 'grill',
    description: 'Grilled chicken skewers with peanut sauce',
    price: '12.00',
    allergens: ['peanuts', 'soy'],
    recipe: wok.satay,
    ingredients: { ...bowl, 'Chicken breast': 0.18, Peanuts: 0.03, 'Soy sauce': 0.01 },
  },
  {
    name: 'Beef Teriyaki Bowl',
    category: 'grill',
    description: 'Grilled sirloin, teriyaki greens, jasmine rice',
    price: '15.50',
    allergens: ['soy', 'gluten', 'sesame'],
    recipe: wok.teriyakiBowl,
    ingredients: { ...bowl, 'Beef sirloin': 0.16, 'Jasmine rice': 0.15, 'Mixed vegetables': 0.08, 'Teriyaki sauce': 0.04 },
  },
  {
    name: 'Crispy Fries',
    category: 'sides',
    description: 'Hand-cut fries, sea salt',
    price: '4.50',
    allergens: [],
    recipe: wok.fries,
    ingredients: { ...bowl, Potatoes: 0.25, 'Frying oil': 0.04 },
  },
  {
    name: 'Tiramisù',
    category: 'desserts',
    description: 'House-made, dusted with cocoa',
    price: '6.00',
    allergens: ['gluten', 'milk', 'egg'],
    recipe: wok.tiramisu,
    ingredients: { ...bowl, 'Tiramisù portion': 1, 'Cocoa powder': 0.003 },
  },
];

export const demoKitchen: KitchenSpec = {
  slug: 'demo',
  name: 'Brigade Demo — Pizzeria & Wok',
  settings: { timezone: 'Europe/Rome', currency: 'EUR', locale: 'en' },
  stations,
  inventory,
  menu,
  users: DEMO_LOGINS.filter((l) => l.tenant === 'demo').map(({ email, name, role, password }) => ({ email, name, role, password })),
};
