import { useGqlMutation } from '../../api/hooks';
import { FormError } from '../../shell/states';
import { MENU_KEY, money, RESTORE_MENU_ITEM, type MenuItem } from './menu-api';

/** Dishes taken off the menu: past orders still name them, and one can be put back as it was. */
export function ArchivedDishes({ items, currency }: { items: MenuItem[]; currency?: string }) {
  const restore = useGqlMutation(RESTORE_MENU_ITEM, [MENU_KEY]);
  if (items.length === 0) return null;
  return (
    <details className="menu-group">
      <summary>Archived ({items.length})</summary>
      <FormError error={restore.error} />
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.id}>
            {item.name} <span className="muted">{money(item.price, currency)}</span>{' '}
            <button
              type="button"
              className="btn btn--small"
              disabled={restore.isPending}
              onClick={() => restore.mutate({ id: item.id })}
              aria-label={`Restore ${item.name}`}
            >
              Restore
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
