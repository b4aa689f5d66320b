import type { ReactNode } from 'react';
import { FormField, type ControlProps } from '../../shell/FormField';
import type { DishDraft, DishField } from './dish-form';

interface Props {
  idPrefix: string;
  draft: DishDraft;
  currency: string;
  errors: Partial<Record<DishField, string>>;
  onChange(patch: Partial<DishDraft>): void;
}

/** What a guest sees of a dish: name, category, price in the tenant's currency, allergens, and where it sits on the menu. */
export function DishDetailsSection({ idPrefix, draft, currency, errors, onChange }: Props) {
  const field = (name: DishField, label: string, control: (props: ControlProps) => ReactNode, hint?: string) => (
    <FormField controlId={`${idPrefix}-${name}`} label={label} error={errors[name]} hint={hint} control={control} />
  );
  const text = (name: 'name' | 'category' | 'price' | 'allergens' | 'displayOrder', opts: { placeholder?: string; inputMode?: 'decimal' | 'numeric' } = {}) =>
    function TextControl(props: ControlProps) {
      return (
        <input
          {...props}
          value={draft[name]}
          onChange={(e) => onChange({ [name]: e.target.value })}
          placeholder={opts.placeholder}
          inputMode={opts.inputMode}
          autoComplete="off"
        />
      );
    };

  return (
    <fieldset className="dish-editor__section">
      <legend>Dish</legend>
      <div className="form-grid">
        {field('name', 'Name', text('name', { placeholder: 'e.g. Margherita' }))}
        {field('category', 'Category', text('category', { placeholder: 'e.g. Pizza' }))}
        {field(
          'price',
          `Price (${currency})`,
          text('price', { placeholder: '0.00', inputMode: 'decimal' }),
          'New orders only: orders already taken keep their price.',
        )}
        {field('allergens', 'Allergens', text('allergens', { placeholder: 'gluten, milk' }), 'Comma separated.')}
        {field('displayOrder', 'Display order', text('displayOrder', { inputMode: 'numeric' }), 'Lower first within its category.')}
        {field('description', 'Description', (props) => (
          <textarea {...props} rows={2} value={draft.description} onChange={(e) => onChange({ description: e.target.value })} />
        ))}
      </div>
    </fieldset>
  );
}
