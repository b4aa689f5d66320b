import type { Dispatch } from 'react';
import { useI18n } from '../i18n/LocaleProvider';
import { cartTotal, linePrice, MAX_QUANTITY, type CartAction, type CartLine } from './cart';
import { ModifierPicker } from './ModifierPicker';

/** The lines of the order: quantity steppers, a modifications field per line, the running total. */
export function CartEditor({ lines, dispatch }: { lines: CartLine[]; dispatch: Dispatch<CartAction> }) {
  const { t, format } = useI18n();
  if (lines.length === 0) return <p className="muted cart__empty">{t('console.cartEmpty')}</p>;
  return (
    <div className="cart">
      <ul className="cart__lines" aria-label={t('console.items')}>
        {lines.map((l) => (
          <li key={l.key} className="cart__line">
            <div className="cart__row">
              <strong className="cart__name">{l.name}</strong>
              <span className="stepper" role="group" aria-label={t('console.quantityOf', { name: l.name })}>
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={t('console.oneLess', { name: l.name })}
                  onClick={() => dispatch({ type: 'quantity', key: l.key, quantity: l.quantity - 1 })}
                >
                  −
                </button>
                <input
                  type="number"
                  min={1}
                  max={MAX_QUANTITY}
                  value={l.quantity}
                  aria-label={t('console.quantity', { name: l.name })}
                  onChange={(e) => dispatch({ type: 'quantity', key: l.key, quantity: Number(e.target.value) || 1 })}
                />
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={t('console.oneMore', { name: l.name })}
                  onClick={() => dispatch({ type: 'quantity', key: l.key, quantity: l.quantity + 1 })}
                >
                  +
                </button>
              </span>
              <span className="cart__price">{format.money(linePrice(l))}</span>
              <button
                type="button"
                className="icon-btn"
                aria-label={t('console.remove', { name: l.name })}
                onClick={() => dispatch({ type: 'remove', key: l.key })}
              >
                ✕
              </button>
            </div>
            <input
              className="cart__mods"
              placeholder={t('console.modifications')}
              aria-label={t('console.modificationsFor', { name: l.name })}
              value={l.modifications}
              onChange={(e) => dispatch({ type: 'modifications', key: l.key, text: e.target.value })}
            />
            <ModifierPicker line={l} dispatch={dispatch} />
          </li>
        ))}
      </ul>
      <p className="cart__total">
        {t('console.total')} <strong>{format.money(cartTotal(lines))}</strong>
      </p>
    </div>
  );
}
