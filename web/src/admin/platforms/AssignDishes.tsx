import { useState } from 'react';
import { useGqlMutation, useGqlQuery } from '../../api/hooks';
import { money } from '../menu/menu-api';
import { Empty, FormError, QueryView } from '../../shell/states';
import { ASSIGN_PRODUCTS, DISHES_KEY, DISHES_QUERY, PLATFORMS_KEY, type Assignment, type PickableDish } from './platform-api';

/**
 * Offers more dishes on the platform: the menu minus what is already there, ticked in bulk. New
 * dishes start PENDING; the next re-sync sends them.
 */
export function AssignDishes({ platformId, assigned }: { platformId: string; assigned: Assignment[] }) {
  const dishes = useGqlQuery(DISHES_KEY, DISHES_QUERY);
  const assign = useGqlMutation(ASSIGN_PRODUCTS, [PLATFORMS_KEY]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [search, setSearch] = useState('');
  const [added, setAdded] = useState<number | null>(null);
  const onPlatform = new Set(assigned.map((a) => a.menuItemId));

  const toggle = (id: string, on: boolean) =>
    setPicked((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <QueryView query={dishes}>
      {({ menuItems }) => {
        const free = menuItems.filter((m) => !onPlatform.has(m.id));
        const needle = search.trim().toLowerCase();
        const shown = needle ? free.filter((m) => m.name.toLowerCase().includes(needle)) : free;
        const chosen = free.filter((m) => picked.has(m.id)).map((m) => m.id);
        if (free.length === 0) return <Empty title="Every dish on the menu is already on this platform" />;
        return (
          <form
            className="assign-dishes"
            aria-label="Assign dishes"
            onSubmit={(e) => {
              e.preventDefault();
              setAdded(null);
              assign.mutate(
                { platformId, menuItemIds: chosen },
                {
                  onSuccess: (r) => {
                    setPicked(new Set());
                    setAdded(r.assignPlatformProducts);
                  },
                },
              );
            }}
          >
            <div className="btn-row">
              <input type="search" aria-label="Find a dish" placeholder="Find a dish…" value={search} onChange={(e) => setSearch(e.target.value)} />
              <button type="button" className="btn btn--small" onClick={() => setPicked(new Set([...picked, ...shown.map((m) => m.id)]))}>
                Select all shown
              </button>
              <button type="submit" className="btn btn--primary" disabled={chosen.length === 0 || assign.isPending}>
                {chosen.length === 0 ? 'Assign dishes' : `Assign ${chosen.length} dish${chosen.length === 1 ? '' : 'es'}`}
              </button>
              {added !== null && <span role="status">{added} added; re-sync to send them.</span>}
            </div>
            <FormError error={assign.error} />
            {byCategory(shown).map(([category, items]) => (
              <fieldset key={category} className="fieldset">
                <legend>{category}</legend>
                <ul className="plain-list assign-dishes__list">
                  {items.map((m) => (
                    <li key={m.id}>
                      <label className="check">
                        <input type="checkbox" checked={picked.has(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
                        {m.name} <span className="muted">{money(m.price)}</span>
                        {!m.isAvailable && <span className="badge">off</span>}
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ))}
          </form>
        );
      }}
    </QueryView>
  );
}

function byCategory(dishes: PickableDish[]): Array<[string, PickableDish[]]> {
  const groups = new Map<string, PickableDish[]>();
  for (const d of [...dishes].sort((a, b) => a.name.localeCompare(b.name)))
    groups.set(d.category ?? 'Other', [...(groups.get(d.category ?? 'Other') ?? []), d]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}
