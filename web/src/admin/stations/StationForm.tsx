import { useId, useState, type FormEvent } from 'react';
import { FormError } from '../../shell/states';
import { parseTaskTypes, type StationInput } from './station-api';

interface Props {
  initial?: StationInput;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (input: StationInput) => void;
  onCancel?: () => void;
}

export function StationForm({ initial, submitLabel, busy, error, onSubmit, onCancel }: Props) {
  const id = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [capacity, setCapacity] = useState(String(initial?.capacity ?? 1));
  const [types, setTypes] = useState(initial?.taskTypes.join(', ') ?? '');
  const [order, setOrder] = useState(String(initial?.displayOrder ?? 0));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ name: name.trim(), capacity: Number(capacity), taskTypes: parseTaskTypes(types), displayOrder: Number(order) });
  };

  return (
    <form className="form-grid" onSubmit={submit} aria-label={submitLabel}>
      <label className="field">
        <span>Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
      </label>
      <label className="field field--narrow">
        <span>Capacity</span>
        <input type="number" min={1} max={50} value={capacity} onChange={(e) => setCapacity(e.target.value)} required />
      </label>
      <label className="field">
        <span>Task types</span>
        <input value={types} onChange={(e) => setTypes(e.target.value)} required aria-describedby={`${id}-types`} placeholder="forno, banco" />
        <small id={`${id}-types`} className="muted">
          Recipe station types it handles, comma separated.
        </small>
      </label>
      <label className="field field--narrow">
        <span>Display order</span>
        <input type="number" min={0} value={order} onChange={(e) => setOrder(e.target.value)} />
      </label>
      <div className="btn-row form-grid__actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <FormError error={error} />
    </form>
  );
}
