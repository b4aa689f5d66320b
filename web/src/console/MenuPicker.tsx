import { useState } from 'react';
import { useGqlQuery } from '../api/hooks';
import { useI18n } from '../i18n/LocaleProvider';
import { QueryView } from '../shell/states';
import { CONSOLE_MENU_KEY, CONSOLE_MENU_QUERY, type ConsoleMenuItem } from './console-api';

function matches(item: ConsoleMenuItem, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const text = `${item.name} ${item.category ?? ''}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

/**
 * Type a few letters, Enter adds the first match: an operator on the phone keeps both hands on the
 * keyboard. Sold-out dishes are not offered (the API lists available items only).
 */
export function MenuPicker({ onAdd }: { onAdd(item: ConsoleMenuItem): void }) {
  const menu = useGqlQuery(CONSOLE_MENU_KEY, CONSOLE_MENU_QUERY);
  const [search, setSearch] = useState('');
  const { t, format } = useI18n();
  return (
    <div className="menu-picker">
      <label className="field">
        <span>{t('console.menu')}</span>
        <input
          type="search"
          placeholder={t('console.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            const first = menu.data?.menuItems.find((m) => matches(m, search));
            if (first) onAdd(first);
          }}
        />
      </label>
      <QueryView query={menu} isEmpty={(d) => d.menuItems.length === 0} empty={<p className="muted">{t('console.menuEmpty')}</p>}>
        {({ menuItems }) => {
          const shown = menuItems.filter((m) => matches(m, search));
          return shown.length === 0 ? (
            <p className="muted">{t('console.noMatch', { search })}</p>
          ) : (
            <ul className="menu-picker__list" aria-label={t('console.dishes')}>
              {shown.map((m) => (
                <li key={m.id}>
                  <button type="button" className="menu-picker__item" onClick={() => onAdd(m)} aria-label={t('console.add', { name: m.name })}>
                    <span>{m.name}</span>
                    <span className="muted">{m.category}</span>
                    <span className="menu-picker__price">{format.money(m.price)}</span>
                  </button>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryView>
    </div>
  );
}
