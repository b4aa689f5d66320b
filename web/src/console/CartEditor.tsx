import type { Dispatch } from 'react';
import { money } from '../admin/menu/menu-api';
import { cartTotal, linePrice, MAX_QUANTITY, type CartAction, type CartLine } from './cart';
import { ModifierPicker } from './ModifierPicker';

/** The lines of the order: quantity steppers, a modifications field per line, the running total. */
export function CartEditor({ lines, dispatch }: { lines: CartLine[]; dispatch: Dispatch<CartAction> }) {
  if (lines.length === 0) return <p className="muted cart__empty">No items yet: pick dishes from the menu.</p>;
  return (
    <div className="cart">
      <ul className="cart__lines" aria-label="Order items">
        {lines.map((l) => (
          <li key={l.key} className="cart__line">
            <div className="cart__row">
              <strong className="cart__name">{l.name}</strong>
              <span className="stepper" role="group" aria-label={`Quantity of ${l.name}`}>
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={`One less ${l.name}`}
                  onClick={() => dispatch({ type: 'quantity', key: l.key, quantity: l.quantity - 1 })}
                >
                  −
                </button>
                <input
                  type="number"
                  min={1}
                  max={MAX_QUANTITY}
                  value={l.quantity}
                  aria-label={`${l.name} quantity`}
                  onChange={(e) => dispatch({ type: 'quantity', key: l.key, quantity: Number(e.target.value) || 1 })}
                />
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={`One more ${l.name}`}
                  onClick={() => dispatch({ type: 'quantity', key: l.key, quantity: l.quantity + 1 })}
                >
                  +
                </button>
              </span>
              <span className="cart__price">{money(linePrice(l))}</span>
              <button type="button" className="icon-btn" aria-label={`Remove ${l.name}`} onClick={() => dispatch({ type: 'remove', key: l.key })}>
                ✕
              </button>
            </div>
            <input
              className="cart__mods"
              placeholder="Modifications (e.g. no onions, well done)"
              aria-label={`Modifications for ${l.name}`}
              value={l.modifications}
              onChange={(e) => dispatch({ type: 'modifications', key: l.key, text: e.target.value })}
            />
            <ModifierPicker line={l} dispatch={dispatch} />
          </li>
        ))}
      </ul>
      <p className="cart__total">
        Total <strong>{money(cartTotal(lines))}</strong>
      </p>
    </div>
  );
}
