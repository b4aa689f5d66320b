import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { FormField, type ControlProps } from '../../shell/FormField';
import { FormError } from '../../shell/states';
import { inventoryErrorsOf, toInventoryInput, type InventoryItemDraft, type InventoryItemField } from './inventory-item-form';
import type { CreateInventoryItemInput } from './inventory-api';

interface Props {
  initial: InventoryItemDraft;
  /** Editing an existing item: its stock is not a field (it moves through the ledger). */
  editing: boolean;
  busy: boolean;
  error: unknown;
  onSubmit(input: CreateInventoryItemInput): void;
  onCancel(): void;
}

/** An inventory item's details: unit, reorder minimum, cost per unit, supplier; the starting stock when it is new. */
export function InventoryItemEditor({ initial, editing, busy, error, onSubmit, onCancel }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const { fields, rest } = inventoryErrorsOf(error);
  const unit = draft.unit.trim();
  const submitLabel = editing ? 'Save item' : 'Add item';

  const field = (name: InventoryItemField, label: string, hint?: string, control?: (props: ControlProps) => ReactNode) => (
    <FormField
      controlId={`${id}-${name}`}
      label={label}
      error={fields[name]}
      hint={hint}
      control={
        control ??
        ((props) => <input {...props} value={draft[name]} onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))} autoComplete="off" />)
      }
    />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(toInventoryInput(draft));
  };

  return (
    <form className="form-grid" onSubmit={submit} aria-label={submitLabel} noValidate>
      {field('name', 'Name')}
      {field('unit', 'Unit', editing ? 'Recipe quantities are in this unit.' : 'e.g. kg, l, pcs')}
      {!editing && field('initialStock', `Stock now${unit ? ` (${unit})` : ''}`, 'Recorded as the first movement of the ledger.')}
      {field('minStock', `Minimum${unit ? ` (${unit})` : ''}`, 'Below it, the item is flagged and suggested for reordering.')}
      {field('costPerUnit', `Cost per ${unit || 'unit'}`)}
      {field('supplier', 'Supplier')}
      <div className="btn-row form-grid__actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {rest && <FormError error={error} />}
    </form>
  );
}
