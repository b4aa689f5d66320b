import type { DishChoices } from './menu-api';
import type { IngredientDraft } from './dish-form';

interface Props {
  idPrefix: string;
  items: DishChoices['inventoryItems'];
  rows: IngredientDraft[];
  /** Server messages by row index. */
  errors: Record<number, string>;
  listError?: string;
  onChange(rows: IngredientDraft[]): void;
}

/**
 * What one portion consumes from the stock: an inventory item and a quantity in that item's unit,
 * the unit shown beside the quantity (and sent with it, so a unit changed meanwhile is refused).
 */
export function IngredientsEditor({ idPrefix, items, rows, errors, listError, onChange }: Props) {
  const set = (index: number, patch: Partial<IngredientDraft>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const taken = new Set(rows.map((r) => r.inventoryItemId));
  return (
    <fieldset className="dish-editor__section">
      <legend>Ingredients per portion</legend>
      {rows.length === 0 && <p className="muted">None: ordering it deducts nothing from the stock.</p>}
      <ul className="plain-list ingredient-rows">
        {rows.map((row, index) => {
          const unit = items.find((i) => i.id === row.inventoryItemId)?.unit;
          const id = `${idPrefix}-ingredient-${index}`;
          return (
            <li key={index} className="inline-form">
              <label className="field">
                <span>Ingredient {index + 1}</span>
                <select
                  value={row.inventoryItemId}
                  onChange={(e) => set(index, { inventoryItemId: e.target.value })}
                  aria-invalid={errors[index] ? true : undefined}
                  aria-describedby={errors[index] ? `${id}-error` : undefined}
                >
                  <option value="">Choose…</option>
                  {items.map((i) => (
                    <option key={i.id} value={i.id} disabled={i.id !== row.inventoryItemId && taken.has(i.id)}>
                      {i.name}
                    </option>
                  ))}
                </select>
              </label>
              <div className="field field--narrow">
                <label htmlFor={`${id}-quantity`}>Quantity {index + 1}</label>
                <span className="input-with-unit">
                  <input
                    id={`${id}-quantity`}
                    inputMode="decimal"
                    value={row.quantity}
                    onChange={(e) => set(index, { quantity: e.target.value })}
                    aria-describedby={`${id}-unit`}
                  />
                  <span id={`${id}-unit`} className="muted" data-testid={`${id}-unit`}>
                    {unit ?? '—'}
                  </span>
                </span>
              </div>
              <button
                type="button"
                className="btn btn--small"
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
                aria-label={`Remove ingredient ${index + 1}`}
              >
                Remove
              </button>
              {errors[index] && (
                <small id={`${id}-error`} className="field__error">
                  {errors[index]}
                </small>
              )}
            </li>
          );
        })}
      </ul>
      {listError && <small className="field__error">{listError}</small>}
      <button type="button" className="btn" onClick={() => onChange([...rows, { inventoryItemId: '', quantity: '' }])} disabled={items.length === 0}>
        Add ingredient
      </button>
      {items.length === 0 && <p className="muted">No inventory items yet: add them on the Inventory page.</p>}
    </fieldset>
  );
}
