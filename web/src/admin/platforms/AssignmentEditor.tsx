import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useGqlMutation, useGqlQuery } from '../../api/hooks';
import { FormError } from '../../shell/states';
import { fieldErrorsOf, toDraft, toUpdateInput, type AssignmentDraft, type DraftField } from './assignment-form';
import { DISHES_KEY, DISHES_QUERY, PLATFORMS_KEY, UPDATE_ASSIGNMENT, type Assignment } from './platform-api';
import { WEEKDAYS } from './schedule';

/**
 * One dish's name, price and hours on this platform. Empty name/price fall back to the menu's, which
 * the placeholders show. The server pushes the saved row to the platform (it goes PENDING, then
 * SYNCED), so a save refreshes everything under 'platforms'. Checking is the server's (noValidate).
 */
export function AssignmentEditor({ assignment: a, onDone }: { assignment: Assignment; onDone(): void }) {
  const id = useId();
  const update = useGqlMutation(UPDATE_ASSIGNMENT, [PLATFORMS_KEY]);
  // The assignment carries no menu price; the dish picker's cached list does.
  const dishes = useGqlQuery(DISHES_KEY, DISHES_QUERY);
  const menuPrice = dishes.data?.menuItems.find((m) => m.id === a.menuItemId)?.price;
  const [draft, setDraft] = useState<AssignmentDraft>(() => toDraft(a));
  const set = (patch: Partial<AssignmentDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const { fields, rest } = fieldErrorsOf(update.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ id: a.id, input: toUpdateInput(draft) }, { onSuccess: onDone });
  };
  const toggleDay = (day: number, on: boolean) => set({ days: on ? [...draft.days, day] : draft.days.filter((d) => d !== day) });

  // Errors sit outside the <label>, so a field's accessible name stays its label alone.
  const error = (name: DraftField) =>
    fields[name] && (
      <small id={`${id}-${name}-error`} className="field__error">
        {fields[name]}
      </small>
    );
  const invalid = (name: DraftField) => (fields[name] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${name}-error` } : {});
  const field = (name: DraftField, label: string, control: ReactNode) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      {control}
      {error(name)}
    </div>
  );

  return (
    <form className="assignment-editor" onSubmit={submit} aria-label={`Edit ${a.menuItemName}`} noValidate>
      <div className="form-grid">
        {field(
          'platformName',
          'Name on the platform',
          <input
            id={`${id}-platformName`}
            {...invalid('platformName')}
            value={draft.platformName}
            placeholder={a.menuItemName}
            onChange={(e) => set({ platformName: e.target.value })}
            autoComplete="off"
          />,
        )}
        {field(
          'platformPrice',
          'Price on the platform',
          <input
            id={`${id}-platformPrice`}
            {...invalid('platformPrice')}
            inputMode="decimal"
            value={draft.platformPrice}
            placeholder={menuPrice ?? 'menu price'}
            onChange={(e) => set({ platformPrice: e.target.value })}
            autoComplete="off"
          />,
        )}
      </div>
      <label className="check">
        <input type="checkbox" checked={draft.isAvailable} onChange={(e) => set({ isAvailable: e.target.checked })} {...invalid('isAvailable')} /> Available to
        order
      </label>
      {error('isAvailable')}
      <label className="check">
        <input type="checkbox" checked={draft.limited} onChange={(e) => set({ limited: e.target.checked })} /> Only at certain times
      </label>
      {draft.limited && (
        <div className="assignment-editor__schedule">
          <div className="assignment-editor__hours">
            <label>
              From <input type="time" value={draft.from} onChange={(e) => set({ from: e.target.value })} {...invalid('hours')} />
            </label>
            <label>
              To <input type="time" value={draft.to} onChange={(e) => set({ to: e.target.value })} {...invalid('hours')} />
            </label>
            <small className="muted">Leave both empty for all day.</small>
          </div>
          {error('hours')}
          <fieldset className="assignment-editor__days" {...invalid('days')}>
            <legend className="field__label">Days</legend>
            {WEEKDAYS.map((w) => (
              <label key={w.day} className="check">
                <input type="checkbox" checked={draft.days.includes(w.day)} onChange={(e) => toggleDay(w.day, e.target.checked)} /> {w.short}
              </label>
            ))}
          </fieldset>
          {error('days')}
        </div>
      )}
      {rest && <FormError error={update.error} />}
      <div className="btn-row">
        <button type="submit" className="btn btn--primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
