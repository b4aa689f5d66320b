import { graphql, type ResultOf, type VariablesOf } from '../../api/graphql';

export const MENU_KEY = ['menu'] as const;

const MenuItemFields = graphql(`
  fragment MenuItemFields on MenuItem {
    id
    name
    category
    description
    price
    allergens
    displayOrder
    isAvailable
    unavailableReason
    isActive
    archivedAt
    ingredients {
      quantity
      inventoryItem {
        id
        name
        unit
      }
    }
    workflowTemplate {
      id
      name
      currentVersion
    }
  }
`);

// includeUnavailable: the admin list must show sold-out items too, or they could never be switched back on;
// includeArchived: so an archived dish can be restored. price is a Decimal string, e.g. "9.50";
// unavailableReason says why an item is off (e.g. "out of mozzarella") and is null when switched by hand.
export const MENU_QUERY = graphql(
  `
    query MenuItems {
      menuItems(includeUnavailable: true, includeArchived: true) {
        ...MenuItemFields
      }
    }
  `,
  [MenuItemFields],
);

export type MenuItem = ResultOf<typeof MENU_QUERY>['menuItems'][number];

export const CURRENCY_KEY = ['me', 'currency'] as const;
export const CURRENCY_QUERY = graphql(`
  query TenantCurrency {
    me {
      tenant {
        currency
      }
    }
  }
`);

/** What the dish editor offers to pick from: recipes, inventory items with their units, and the currency. */
export const DISH_CHOICES_KEY = ['menu', 'choices'] as const;
export const DISH_CHOICES_QUERY = graphql(`
  query DishChoices {
    me {
      tenant {
        currency
      }
    }
    workflowTemplates {
      id
      name
      category
      currentVersion
    }
    inventoryItems {
      id
      name
      unit
    }
  }
`);
export type DishChoices = {
  currency: string;
  recipes: ResultOf<typeof DISH_CHOICES_QUERY>['workflowTemplates'];
  inventoryItems: ResultOf<typeof DISH_CHOICES_QUERY>['inventoryItems'];
};
export const choicesOf = (d: ResultOf<typeof DISH_CHOICES_QUERY>): DishChoices => ({
  currency: d.me.tenant.currency,
  recipes: d.workflowTemplates,
  inventoryItems: d.inventoryItems,
});

export const CREATE_MENU_ITEM = graphql(
  `
    mutation CreateMenuItem($input: CreateMenuItemInput!) {
      createMenuItem(input: $input) {
        ...MenuItemFields
      }
    }
  `,
  [MenuItemFields],
);
export type CreateMenuItemInput = VariablesOf<typeof CREATE_MENU_ITEM>['input'];

export const UPDATE_MENU_ITEM = graphql(
  `
    mutation UpdateMenuItem($id: ID!, $input: UpdateMenuItemInput!) {
      updateMenuItem(id: $id, input: $input) {
        ...MenuItemFields
      }
    }
  `,
  [MenuItemFields],
);

export const ARCHIVE_MENU_ITEM = graphql(`
  mutation ArchiveMenuItem($id: ID!) {
    archiveMenuItem(id: $id) {
      id
      isActive
      archivedAt
    }
  }
`);

export const RESTORE_MENU_ITEM = graphql(`
  mutation RestoreMenuItem($id: ID!) {
    restoreMenuItem(id: $id) {
      id
      isActive
      archivedAt
    }
  }
`);

export const SET_AVAILABILITY = graphql(`
  mutation SetMenuItemAvailability($id: ID!, $available: Boolean!) {
    setMenuItemAvailability(id: $id, available: $available) {
      id
      isAvailable
      unavailableReason
    }
  }
`);

/** Groups by category, categories alphabetically (uncategorised last), items by display order then name. */
export function byCategory(items: MenuItem[]): Array<[string, MenuItem[]]> {
  const groups = new Map<string, MenuItem[]>();
  for (const item of items) {
    const key = item.category ?? '';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([k, list]) => [k || 'Other', list.sort((x, y) => x.displayOrder - y.displayOrder || x.name.localeCompare(y.name))]);
}

/** A price in the tenant's currency, e.g. "€ 8.50"; without a currency, just the two decimals. */
export const money = (value: string | number, currency?: string) =>
  new Intl.NumberFormat(undefined, currency ? { style: 'currency', currency } : { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(value));
