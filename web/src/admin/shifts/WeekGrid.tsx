import type { Shift } from './shift-api';
import { clock, daysOf, sameDay, weekday } from './week';

interface Props {
  weekStart: Date;
  stations: Array<{ id: string; name: string }>;
  shifts: Shift[];
  busy: boolean;
  onDelete: (shift: Shift) => void;
}

const NO_STATION = { id: '', name: 'No station' };

/** The week at a glance: a row per station (and one for shifts at none), a column per day. */
export function WeekGrid({ weekStart, stations, shifts, busy, onDelete }: Props) {
  const days = daysOf(weekStart);
  const rows = [...stations, NO_STATION];
  return (
    <table className="table shift-week" aria-label="Shifts of the week">
      <thead>
        <tr>
          <th scope="col">Station</th>
          {days.map((d) => (
            <th scope="col" key={d.toISOString()}>
              {weekday(d)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((station) => (
          <tr key={station.id || 'none'}>
            <th scope="row">{station.name}</th>
            {days.map((day) => (
              <td key={day.toISOString()}>
                {shifts
                  .filter((s) => (s.station?.id ?? '') === station.id && sameDay(new Date(s.startsAt), day))
                  .map((s) => (
                    <ShiftChip key={s.id} shift={s} busy={busy} onDelete={onDelete} />
                  ))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ShiftChip({ shift, busy, onDelete }: { shift: Shift; busy: boolean; onDelete: (s: Shift) => void }) {
  const label = `${shift.user.name} ${clock(shift.startsAt)}–${clock(shift.endsAt)}`;
  return (
    <span className={`chip shift-chip${shift.onShiftNow ? ' shift-chip--on' : ''}`} data-shift-id={shift.id}>
      {label}
      {!shift.clockedInAt && (
        <button type="button" className="icon-btn" aria-label={`Remove ${label}`} title="Remove from the plan" disabled={busy} onClick={() => onDelete(shift)}>
          ×
        </button>
      )}
    </span>
  );
}
