import { useGqlMutation, useGqlQuery } from '../../api/hooks';
import { PageHeader } from '../../shell/page';
import { allowed } from '../../auth/roles';
import { useRequiredSession } from '../../auth/AuthContext';
import { Link } from '../../router/router';
import { Empty, FormError, QueryView } from '../../shell/states';
import { byCategory, MENU_KEY, MENU_QUERY, money, SET_AVAILABILITY } from './menu-api';
import { ModifierGroupsEditor } from './ModifierGroupsEditor';

/** Menu items with their recipe and ingredients; availability is switched here (e.g. sold out). */
export function MenuPage() {
  const role = useRequiredSession().user.role;
  const menu = useGqlQuery(MENU_KEY, MENU_QUERY);
  const toggle = useGqlMutation(SET_AVAILABILITY, [MENU_KEY]);
  const canDesign = allowed(role, 'recipes:write');
  const canEdit = allowed(role, 'menu:write');

  return (
    <section className="page">
      <PageHeader title="Menu" lead="What can be ordered, the recipe that cooks it, and the stock it uses." />
      <FormError error={toggle.error} />
      <QueryView query={menu} isEmpty={(d) => d.menuItems.length === 0} empty={<Empty title="No menu items yet" />}>
        {({ menuItems }) =>
          byCategory(menuItems).map(([category, items]) => (
            <section key={category} className="menu-group" aria-labelledby={`cat-${category}`}>
              <h2 id={`cat-${category}`}>{category}</h2>
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
                    {canEdit && <th scope="col">Modifiers</th>}
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.id} className={item.isAvailable ? undefined : 'is-inactive'}>
                      <th scope="row">{item.name}</th>
                      <td className="num">{money(item.price)}</td>
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
                      {canEdit && (
                        <td>
                          <ModifierGroupsEditor menuItemId={item.id} dishName={item.name} />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))
        }
      </QueryView>
    </section>
  );
}
