import { useGqlMutation, useGqlQuery } from '../../api/hooks';
import { FormError } from '../../shell/states';
import { ARCHIVED_ITEMS_KEY, ARCHIVED_ITEMS_QUERY, UPDATE_INVENTORY_ITEM } from './inventory-api';

/** Items taken out of use: their movements stay in the ledger, and one can be brought back. */
export function ArchivedInventoryItems() {
  const all = useGqlQuery(ARCHIVED_ITEMS_KEY, ARCHIVED_ITEMS_QUERY);
  const restore = useGqlMutation(UPDATE_INVENTORY_ITEM, [['inventory'], ['menu', 'choices']]);
  const archived = (all.data?.inventoryItems ?? []).filter((i) => !i.isActive);
  if (archived.length === 0) return null;
  return (
    <details className="menu-group">
      <summary>Archived items ({archived.length})</summary>
      <FormError error={restore.error} />
      <ul className="plain-list">
        {archived.map((item) => (
          <li key={item.id}>
            {item.name} <span className="muted">{item.unit}</span>{' '}
            <button
              type="button"
              className="btn btn--small"
              disabled={restore.isPending}
              onClick={() => restore.mutate({ id: item.id, input: { isActive: true } })}
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
