import { useState } from 'react';
import type { Shift } from './shift-api';
import { clock, daysOf, sameDay, weekday } from './week';
import { useI18n } from '../../i18n/LocaleProvider';

interface Props {
  weekStart: Date;
  stations: Array<{ id: string; name: string }>;
  /** Everyone who can be planned: a row each in the view by person, shifts or not. */
  people: Array<{ id: string; name: string }>;
  shifts: Shift[];
  busy: boolean;
  onDelete: (shift: Shift) => void;
}

type By = 'station' | 'person';
interface Row {
  id: string;
  name: string;
  has: (s: Shift) => boolean;
}

const NO_STATION_ID = '';

/** The rows of the week: a station each (and one for shifts at none), or a person each (and anyone planned but no longer listed). */
function rowsOf(by: By, noStation: string, { stations, people, shifts }: Pick<Props, 'stations' | 'people' | 'shifts'>): Row[] {
  if (by === 'station')
    return [...stations, { id: NO_STATION_ID, name: noStation }].map((st) => ({ ...st, has: (s) => (s.station?.id ?? NO_STATION_ID) === st.id }));
  const listed = new Set(people.map((p) => p.id));
  const others = new Map(shifts.filter((s) => !listed.has(s.user.id)).map((s) => [s.user.id, { id: s.user.id, name: s.user.name }]));
  return [...people, ...others.values()].map((p) => ({ ...p, has: (s) => s.user.id === p.id }));
}

/** The week at a glance, a column per day: by station (who is where) or by person (each one's week). */
export function WeekGrid({ weekStart, stations, people, shifts, busy, onDelete }: Props) {
  const [by, setBy] = useState<By>('station');
  const { t } = useI18n();
  const days = daysOf(weekStart);
  const rows = rowsOf(by, t('admin.shifts.noStation'), { stations, people, shifts });
  return (
    <>
      <div className="btn-row shift-week__by" role="group" aria-label={t('admin.shifts.showWeek')}>
        {(['station', 'person'] as const).map((b) => (
          <button key={b} type="button" className="btn btn--small" aria-pressed={by === b} onClick={() => setBy(b)}>
            {t(`admin.shifts.by.${b}`)}
          </button>
        ))}
      </div>
      <table className="table shift-week" aria-label={t('admin.shifts.ofWeek')}>
        <thead>
          <tr>
            <th scope="col">{by === 'station' ? t('admin.shifts.station') : t('admin.shifts.person')}</th>
            {days.map((d) => (
              <th scope="col" key={d.toISOString()}>
                {weekday(d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id || 'none'}>
              <th scope="row">{row.name}</th>
              {days.map((day) => (
                <td key={day.toISOString()}>
                  {shifts
                    .filter((s) => row.has(s) && sameDay(new Date(s.startsAt), day))
                    .map((s) => (
                      <ShiftChip key={s.id} shift={s} by={by} busy={busy} onDelete={onDelete} />
                    ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function ShiftChip({ shift, by, busy, onDelete }: { shift: Shift; by: By; busy: boolean; onDelete: (s: Shift) => void }) {
  const { t } = useI18n();
  const where = shift.station?.name ?? t('admin.shifts.noStation');
  // The row already names one of the two: the chip names the other.
  const who = by === 'station' ? shift.user.name : where;
  const label = `${who} ${clock(shift.startsAt)}–${clock(shift.endsAt)}`;
  return (
    <span className={`chip shift-chip${shift.onShiftNow ? ' shift-chip--on' : ''}`} data-shift-id={shift.id}>
      {label}
      {!shift.clockedInAt && (
        <button
          type="button"
          className="icon-btn"
          aria-label={t('admin.shifts.remove', { name: shift.user.name, where, span: `${clock(shift.startsAt)}–${clock(shift.endsAt)}` })}
          title={t('admin.shifts.removeTitle')}
          disabled={busy}
          onClick={() => onDelete(shift)}
        >
          ×
        </button>
      )}
    </span>
  );
}
