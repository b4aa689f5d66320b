import { useId, useState, type FormEvent } from 'react';
import { FormError } from '../../shell/states';
import { DishDetailsSection } from './DishDetailsSection';
import { DishRecipeSection } from './DishRecipeSection';
import { dishErrorsOf, toDishInput, type DishDraft } from './dish-form';
import { IngredientsEditor } from './IngredientsEditor';
import type { CreateMenuItemInput, DishChoices } from './menu-api';

interface Props {
  initial: DishDraft;
  choices: DishChoices;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit(input: CreateMenuItemInput): void;
  onCancel(): void;
}

/**
 * One dish, created or edited: a form of sections (details, recipe, ingredients), saved in one
 * mutation so nothing is half-saved. Checking is the server's (noValidate); its errors land on
 * the field or ingredient row they name.
 */
export function DishEditor({ initial, choices, submitLabel, busy, error, onSubmit, onCancel }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const set = (patch: Partial<DishDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const errors = dishErrorsOf(error, draft);
  const unitOf = (itemId: string) => choices.inventoryItems.find((i) => i.id === itemId)?.unit;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(toDishInput(draft, unitOf));
  };

  return (
    <form className="dish-editor" onSubmit={submit} aria-label={submitLabel} noValidate>
      <DishDetailsSection idPrefix={id} draft={draft} currency={choices.currency} errors={errors.fields} onChange={set} />
      <DishRecipeSection
        idPrefix={id}
        recipes={choices.recipes}
        value={draft.workflowTemplateId}
        error={errors.fields.workflowTemplateId}
        onChange={(workflowTemplateId) => set({ workflowTemplateId })}
      />
      <IngredientsEditor
        idPrefix={id}
        items={choices.inventoryItems}
        rows={draft.ingredients}
        errors={errors.ingredients}
        listError={errors.ingredientList}
        onChange={(ingredients) => set({ ingredients })}
      />
      {errors.rest && <FormError error={error} />}
      <div className="btn-row">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
