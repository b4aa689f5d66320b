import type { Shift } from './shift-api';
import type { TFunction } from 'i18next';
import { clock } from './week';
import { useI18n } from '../../i18n/LocaleProvider';

/** Where a shift stands right now, in a word. */
export function shiftState(shift: Shift, now: number, t: TFunction): { label: string; tone: 'ok' | 'warning' | '' } {
  if (shift.clockedOutAt) return { label: t('admin.shifts.clockedOut', { time: clock(shift.clockedOutAt) }), tone: '' };
  if (shift.clockedInAt) return { label: t('admin.shifts.clockedIn', { time: clock(shift.clockedInAt) }), tone: 'ok' };
  if (Date.parse(shift.endsAt) <= now) return { label: t('admin.shifts.ended'), tone: '' };
  if (Date.parse(shift.startsAt) <= now) return { label: t('admin.shifts.notClockedIn'), tone: 'warning' };
  return { label: t('admin.shifts.later'), tone: '' };
}

/** "Today": who is on where, earliest first. */
export function TodayList({ shifts, now }: { shifts: Shift[]; now: number }) {
  const { t } = useI18n();
  if (shifts.length === 0) return <p className="muted">{t('admin.shifts.nobodyToday')}</p>;
  return (
    <ul className="plain-list shift-today" aria-label={t('admin.shifts.todayLabel')}>
      {shifts.map((s) => {
        const state = shiftState(s, now, t);
        return (
          <li key={s.id} className={s.onShiftNow ? 'is-on' : undefined}>
            <strong>{s.user.name}</strong> · {s.station?.name ?? t('admin.shifts.noStationLower')} · {clock(s.startsAt)}–{clock(s.endsAt)}{' '}
            <span className={`badge${state.tone ? ` badge--${state.tone}` : ''}`}>{state.label}</span>
          </li>
        );
      })}
    </ul>
  );
}
