import type { Dispatch } from 'react';
import { useI18n } from '../i18n/LocaleProvider';
import { i18n } from '../i18n/i18n';
import { lineProblems, type CartAction, type CartLine } from './cart';

const rule = (min: number, max: number) =>
  min === 0 ? i18n.t('console.upTo', { max }) : min === max ? i18n.t('console.choose', { min }) : i18n.t('console.chooseRange', { min, max });

/**
 * One cart line's modifier groups: a radio per option where the group takes one choice,
 * checkboxes where it takes more. A group still short of its minimum is said under the line,
 * and the form is not sent until it is chosen (the server checks the same rule).
 */
export function ModifierPicker({ line, dispatch }: { line: CartLine; dispatch: Dispatch<CartAction> }) {
  const { t, format } = useI18n();
  if (line.groups.length === 0) return null;
  const problems = lineProblems(line);
  return (
    <div className="cart__modifiers">
      {line.groups.map((g) => (
        <fieldset key={g.id} className="cart__modifier-group">
          <legend>
            {g.name} <span className="muted">({rule(g.minChoices, g.maxChoices)})</span>
          </legend>
          {g.options.map((o) => {
            const chosen = line.modifiers.includes(o.id);
            const delta = Number(o.priceDelta);
            return (
              <label key={o.id} className="cart__modifier-option">
                <input
                  type={g.maxChoices === 1 ? 'radio' : 'checkbox'}
                  name={`${line.key}-${g.id}`}
                  checked={chosen}
                  // A radio is taken back by clicking it again: an optional group can be left empty.
                  onClick={() => g.maxChoices === 1 && chosen && dispatch({ type: 'modifier', key: line.key, groupId: g.id, optionId: o.id, chosen: false })}
                  onChange={(e) => dispatch({ type: 'modifier', key: line.key, groupId: g.id, optionId: o.id, chosen: e.target.checked })}
                />
                {o.name}
                {delta !== 0 && <span className="muted"> {delta > 0 ? `+${format.money(delta)}` : `−${format.money(-delta)}`}</span>}
              </label>
            );
          })}
        </fieldset>
      ))}
      {problems.length > 0 && (
        <ul className="field__error" aria-label={t('console.choicesMissing', { name: line.name })}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
