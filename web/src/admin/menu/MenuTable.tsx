import { useState } from 'react';
import { useGqlMutation } from '../../api/hooks';
import { useRequiredSession } from '../../auth/AuthContext';
import { allowed } from '../../auth/roles';
import { Link } from '../../router/router';
import { ConfirmBar } from '../../shell/page';
import { FormError } from '../../shell/states';
import { ARCHIVE_MENU_ITEM, MENU_KEY, money, SET_AVAILABILITY, type MenuItem } from './menu-api';

/** One category's dishes: price, recipe, ingredients, allergens, availability (86 and back), edit and archive. */
export function MenuTable({ items, currency, onEdit }: { items: MenuItem[]; currency?: string; onEdit(item: MenuItem): void }) {
  const canDesign = allowed(useRequiredSession().user.role, 'recipes:write');
  const toggle = useGqlMutation(SET_AVAILABILITY, [MENU_KEY]);
  const archive = useGqlMutation(ARCHIVE_MENU_ITEM, [MENU_KEY]);
  const [archiving, setArchiving] = useState<MenuItem | null>(null);
  return (
    <>
      <FormError error={toggle.error ?? archive.error} />
      {archiving && (
        <ConfirmBar
          title={`Archive ${archiving.name}?`}
          confirmLabel="Archive"
          tone="danger"
          busy={archive.isPending}
          onConfirm={() => archive.mutate({ id: archiving.id }, { onSuccess: () => setArchiving(null) })}
          onCancel={() => setArchiving(null)}
        >
          It leaves the menu, the phone console and the delivery platforms. Orders already taken keep it; you can restore it later.
        </ConfirmBar>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col">Recipe</th>
            <th scope="col">Ingredients (per portion)</th>
            <th scope="col">Allergens</th>
            <th scope="col">Available</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className={item.isAvailable ? undefined : 'is-inactive'}>
              <th scope="row">{item.name}</th>
              <td className="num">{money(item.price, currency)}</td>
              <td>
                {!item.workflowTemplate ? (
                  <span className="badge badge--warning">no recipe</span>
                ) : canDesign ? (
                  <Link to={`/designer/${item.workflowTemplate.id}`}>{item.workflowTemplate.name}</Link>
                ) : (
                  item.workflowTemplate.name
                )}
                {item.workflowTemplate && !item.workflowTemplate.currentVersion && <span className="badge badge--warning">unpublished</span>}
              </td>
              <td>
                {item.ingredients.length === 0 ? (
                  <span className="muted">none</span>
                ) : (
                  <ul className="plain-list">
                    {item.ingredients.map((ing) => (
                      <li key={ing.inventoryItem.id}>
                        {ing.inventoryItem.name}{' '}
                        <span className="muted">
                          {Number(ing.quantity)} {ing.inventoryItem.unit}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{item.allergens.length ? item.allergens.join(', ') : <span className="muted">—</span>}</td>
              <td>
                <label className="switch">
                  <input
                    type="checkbox"
                    role="switch"
                    checked={item.isAvailable}
                    disabled={toggle.isPending}
                    onChange={(e) => toggle.mutate({ id: item.id, available: e.target.checked })}
                    aria-label={`${item.name} available`}
                  />
                  <span>{item.isAvailable ? 'On' : 'Off'}</span>
                </label>
                {!item.isAvailable && item.unavailableReason && <div className="muted">{item.unavailableReason}</div>}
              </td>
              <td className="btn-row">
                <button type="button" className="btn btn--small" onClick={() => onEdit(item)} aria-label={`Edit ${item.name}`}>
                  Edit
                </button>
                <button type="button" className="btn btn--small" onClick={() => setArchiving(item)} aria-label={`Archive ${item.name}`}>
                  Archive
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
