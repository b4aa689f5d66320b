import { useState } from 'react';
import { useGqlQuery } from '../../api/hooks';
import { PageHeader } from '../../shell/page';
import { Empty, QueryView } from '../../shell/states';
import { ArchivedDishes } from './ArchivedDishes';
import { DishPanel } from './DishPanel';
import { byCategory, CURRENCY_KEY, CURRENCY_QUERY, MENU_KEY, MENU_QUERY, type MenuItem } from './menu-api';
import { MenuTable } from './MenuTable';
import './menu.css';

/** The menu: dishes by category with their recipe and ingredients; add, edit, 86 and archive them here. */
export function MenuPage() {
  const menu = useGqlQuery(MENU_KEY, MENU_QUERY);
  const currency = useGqlQuery(CURRENCY_KEY, CURRENCY_QUERY).data?.me.tenant.currency;
  // null: a new dish; undefined: the editor is closed.
  const [editing, setEditing] = useState<MenuItem | null | undefined>(undefined);

  return (
    <section className="page">
      <PageHeader
        title="Menu"
        lead="What can be ordered, the recipe that cooks it, and the stock it uses."
        actions={
          editing === undefined && (
            <button type="button" className="btn btn--primary" onClick={() => setEditing(null)}>
              New dish
            </button>
          )
        }
      />
      {editing !== undefined && <DishPanel key={editing?.id ?? 'new'} item={editing} onDone={() => setEditing(undefined)} />}
      <QueryView query={menu} isEmpty={(d) => d.menuItems.length === 0} empty={<Empty title="No dishes yet: add the first one with New dish." />}>
        {({ menuItems }) => (
          <>
            {byCategory(menuItems.filter((m) => m.isActive)).map(([category, items]) => (
              <section key={category} className="menu-group" aria-labelledby={`cat-${category}`}>
                <h2 id={`cat-${category}`}>{category}</h2>
                <MenuTable items={items} currency={currency} onEdit={setEditing} />
              </section>
            ))}
            <ArchivedDishes items={menuItems.filter((m) => !m.isActive)} currency={currency} />
          </>
        )}
      </QueryView>
    </section>
  );
}
