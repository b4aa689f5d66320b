import type { Shift } from './shift-api';
import { clock } from './week';

/** Where a shift stands right now, in a word. */
export function shiftState(shift: Shift, now: number): { label: string; tone: 'ok' | 'warning' | '' } {
  if (shift.clockedOutAt) return { label: `clocked out ${clock(shift.clockedOutAt)}`, tone: '' };
  if (shift.clockedInAt) return { label: `clocked in ${clock(shift.clockedInAt)}`, tone: 'ok' };
  if (Date.parse(shift.endsAt) <= now) return { label: 'ended', tone: '' };
  if (Date.parse(shift.startsAt) <= now) return { label: 'on shift, not clocked in', tone: 'warning' };
  return { label: 'later', tone: '' };
}

/** "Today": who is on where, earliest first. */
export function TodayList({ shifts, now }: { shifts: Shift[]; now: number }) {
  if (shifts.length === 0) return <p className="muted">Nobody is planned today.</p>;
  return (
    <ul className="plain-list shift-today" aria-label="Today's shifts">
      {shifts.map((s) => {
        const state = shiftState(s, now);
        return (
          <li key={s.id} className={s.onShiftNow ? 'is-on' : undefined}>
            <strong>{s.user.name}</strong> · {s.station?.name ?? 'no station'} · {clock(s.startsAt)}–{clock(s.endsAt)}{' '}
            <span className={`badge${state.tone ? ` badge--${state.tone}` : ''}`}>{state.label}</span>
          </li>
        );
      })}
    </ul>
  );
}
