import { graphql, type ResultOf } from '../../api/graphql';

export const MENU_KEY = ['menu'] as const;

// includeUnavailable: the admin list must show sold-out items too, or they could never be switched back on.
// price is a Decimal string, e.g. "9.50"; unavailableReason says why an item is off (e.g. "out of
// mozzarella" when stock ran out) and is null when it was switched by hand.
export const MENU_QUERY = graphql(`
  query MenuItems {
    menuItems(includeUnavailable: true) {
      id
      name
      category
      price
      allergens
      isAvailable
      unavailableReason
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
  }
`);

export type MenuItem = ResultOf<typeof MENU_QUERY>['menuItems'][number];

export const SET_AVAILABILITY = graphql(`
  mutation SetMenuItemAvailability($id: ID!, $available: Boolean!) {
    setMenuItemAvailability(id: $id, available: $available) {
      id
      isAvailable
      unavailableReason
    }
  }
`);

/** Groups by category, categories and items alphabetically, uncategorised last. */
export function byCategory(items: MenuItem[]): Array<[string, MenuItem[]]> {
  const groups = new Map<string, MenuItem[]>();
  for (const item of items) {
    const key = item.category ?? '';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([k, list]) => [k || 'Other', list.sort((x, y) => x.name.localeCompare(y.name))]);
}

export const money = (value: string | number) => new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(value));
