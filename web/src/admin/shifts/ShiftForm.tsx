import { useId, useState, type FormEvent } from 'react';
import { FormField } from '../../shell/FormField';
import { FormError } from '../../shell/states';
import type { ShiftChoices } from './shift-api';
import { shiftSpan } from './week';

export interface ShiftInput {
  userId: string;
  stationId: string | null;
  startsAt: string;
  endsAt: string;
}

interface Props {
  choices: ShiftChoices;
  /** The day the form starts on (YYYY-MM-DD). */
  day: string;
  busy: boolean;
  error: unknown;
  onSubmit: (input: ShiftInput) => void;
}

/** Who, where, which day, from when to when. An end at or before the start is the next morning. */
export function ShiftForm({ choices, day: initialDay, busy, error, onSubmit }: Props) {
  const id = useId();
  const [userId, setUserId] = useState(choices.shiftStaff[0]?.id ?? '');
  const [stationId, setStationId] = useState('');
  const [day, setDay] = useState(initialDay);
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('17:00');
  const span = shiftSpan(day, start, end);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!span) return;
    onSubmit({ userId, stationId: stationId || null, startsAt: span.startsAt.toISOString(), endsAt: span.endsAt.toISOString() });
  };

  return (
    <form className="form-grid" onSubmit={submit} aria-label="Plan a shift">
      <FormField
        controlId={`${id}-user`}
        label="Who"
        control={(p) => (
          <select {...p} value={userId} onChange={(e) => setUserId(e.target.value)} required>
            {choices.shiftStaff.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.role.toLowerCase()})
              </option>
            ))}
          </select>
        )}
      />
      <FormField
        controlId={`${id}-station`}
        label="Where"
        hint="Cooks count towards their station's capacity while on shift."
        control={(p) => (
          <select {...p} value={stationId} onChange={(e) => setStationId(e.target.value)}>
            <option value="">No station (riders, floor)</option>
            {choices.stations.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      />
      <FormField
        controlId={`${id}-day`}
        label="Day"
        control={(p) => <input {...p} type="date" value={day} onChange={(e) => setDay(e.target.value)} required />}
      />
      <FormField
        controlId={`${id}-start`}
        label="From"
        control={(p) => <input {...p} type="time" value={start} onChange={(e) => setStart(e.target.value)} required />}
      />
      <FormField
        controlId={`${id}-end`}
        label="Until"
        hint={span?.overnight ? 'Ends the next day.' : undefined}
        control={(p) => <input {...p} type="time" value={end} onChange={(e) => setEnd(e.target.value)} required />}
      />
      <div className="btn-row form-grid__actions">
        <button type="submit" className="btn btn--primary" disabled={busy || !span || !userId}>
          {busy ? 'Saving…' : 'Add shift'}
        </button>
      </div>
      <FormError error={error} />
    </form>
  );
}
