import { useId, useState, type FormEvent } from 'react';
import { FormField } from '../../shell/FormField';
import { FormError } from '../../shell/states';
import type { ShiftChoices } from './shift-api';
import { shiftSpan } from './week';
import { useI18n } from '../../i18n/LocaleProvider';

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
  const { t } = useI18n();
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
    <form className="form-grid" onSubmit={submit} aria-label={t('admin.shifts.plan')}>
      <FormField
        controlId={`${id}-user`}
        label={t('admin.shifts.who')}
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
        label={t('admin.shifts.where')}
        hint={t('admin.shifts.whereHint')}
        control={(p) => (
          <select {...p} value={stationId} onChange={(e) => setStationId(e.target.value)}>
            <option value="">{t('admin.shifts.noStationOption')}</option>
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
        label={t('admin.shifts.day')}
        control={(p) => <input {...p} type="date" value={day} onChange={(e) => setDay(e.target.value)} required />}
      />
      <FormField
        controlId={`${id}-start`}
        label={t('admin.shifts.from')}
        control={(p) => <input {...p} type="time" value={start} onChange={(e) => setStart(e.target.value)} required />}
      />
      <FormField
        controlId={`${id}-end`}
        label={t('admin.shifts.until')}
        hint={span?.overnight ? t('admin.shifts.overnight') : undefined}
        control={(p) => <input {...p} type="time" value={end} onChange={(e) => setEnd(e.target.value)} required />}
      />
      <div className="btn-row form-grid__actions">
        <button type="submit" className="btn btn--primary" disabled={busy || !span || !userId}>
          {busy ? t('common.saving') : t('admin.shifts.add')}
        </button>
      </div>
      <FormError error={error} />
    </form>
  );
}
