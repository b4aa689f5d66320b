export interface MenuItem {
  id: string;
  name: string;
  category: string | null;
  /** Decimal as a string, e.g. "9.50". */
  price: string;
  allergens: string[];
  isAvailable: boolean;
  /** Why it is off, e.g. "out of mozzarella" when stock ran out; null when switched by hand. */
  unavailableReason: string | null;
  ingredients: Array<{ quantity: string; inventoryItem: { id: string; name: string; unit: string } }>;
  workflowTemplate: { id: string; name: string; currentVersion: number | null } | null;
}

export const MENU_KEY = ['menu'] as const;

// includeUnavailable: the admin list must show sold-out items too, or they could never be switched back on.
export const MENU_QUERY = `query MenuItems {
  menuItems(includeUnavailable: true) {
    id name category price allergens isAvailable unavailableReason
    ingredients { quantity inventoryItem { id name unit } }
    workflowTemplate { id name currentVersion }
  }
}`;

export const SET_AVAILABILITY = `mutation SetMenuItemAvailability($id: ID!, $available: Boolean!) {
  setMenuItemAvailability(id: $id, available: $available) { id isAvailable unavailableReason }
}`;

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

export const money = (value: string | number) =>
  new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(value));
