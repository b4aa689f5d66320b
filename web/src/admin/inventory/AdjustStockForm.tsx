import { useState, type FormEvent } from 'react';
import { useGqlMutation } from '../../api/hooks';
import { FormError } from '../../shell/states';
import { ADJUST_INVENTORY, ADJUSTMENT_LABEL, type AdjustmentType, type StockItem } from './inventory-api';

export interface AdjustDraft {
  itemId: string;
  type: AdjustmentType;
  quantity: string;
}

/** Stock only changes through movements: a delivery, waste or a count correction, with a note. */
export function AdjustStockForm({ items, draft, onDone }: { items: StockItem[]; draft: AdjustDraft; onDone(itemId: string): void }) {
  const adjust = useGqlMutation(ADJUST_INVENTORY, [['inventory']]);
  const [form, setForm] = useState(draft);
  const [notes, setNotes] = useState('');
  const unit = items.find((i) => i.id === form.itemId)?.unit ?? '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    adjust.mutate(
      { id: form.itemId, quantity: form.quantity, type: form.type, notes: notes.trim() || null },
      {
        onSuccess: () => {
          setForm((f) => ({ ...f, quantity: '' }));
          setNotes('');
          onDone(form.itemId);
        },
      },
    );
  };

  return (
    <form className="inline-form adjust-form" onSubmit={submit} aria-label="Adjust stock">
      <label className="field">
        <span>Item</span>
        <select value={form.itemId} onChange={(e) => setForm((f) => ({ ...f, itemId: e.target.value }))} required>
          <option value="">Choose…</option>
          {items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>What happened</span>
        <select value={form.type} onChange={(e) => setForm((f) => ({ ...f, type: e.target.value as AdjustmentType }))}>
          {(Object.keys(ADJUSTMENT_LABEL) as AdjustmentType[]).map((t) => (
            <option key={t} value={t}>
              {ADJUSTMENT_LABEL[t]}
            </option>
          ))}
        </select>
      </label>
      <label className="field field--narrow">
        <span>Quantity {unit && `(${unit})`}</span>
        <input inputMode="decimal" value={form.quantity} onChange={(e) => setForm((f) => ({ ...f, quantity: e.target.value }))} required />
      </label>
      <label className="field">
        <span>Note</span>
        <input value={notes} onChange={(e) => setNotes(e.target.value)} placeholder="e.g. invoice 4411" />
      </label>
      <button type="submit" className="btn btn--primary" disabled={!form.itemId || !form.quantity || adjust.isPending}>
        Record
      </button>
      <FormError error={adjust.error} />
    </form>
  );
}
