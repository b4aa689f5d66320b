import { useGqlMutation, useGqlQuery } from '../api/hooks';
import { useI18n } from '../i18n/LocaleProvider';
import { FormError } from '../shell/states';
import { CLOCK_IN, CLOCK_OUT, MY_SHIFTS_KEY, MY_SHIFTS_QUERY } from './shift-api';
import { clockAction } from './shift-clock';
import { useNow } from './use-now';

const SHIFTS = [['shifts']];

/** The signed-in user's clock-in / clock-out button; nothing when they have no shift due. */
export function ShiftClock() {
  const mine = useGqlQuery(MY_SHIFTS_KEY, MY_SHIFTS_QUERY, { refetchInterval: 5 * 60_000 });
  const clockIn = useGqlMutation(CLOCK_IN, SHIFTS);
  const clockOut = useGqlMutation(CLOCK_OUT, SHIFTS);
  const now = useNow(30_000);
  const { t, format } = useI18n();
  const action = clockAction(mine.data?.myShifts ?? [], now);
  const busy = clockIn.isPending || clockOut.isPending;
  if (action.kind === 'none') return <FormError error={clockIn.error ?? clockOut.error} />;

  const { shift } = action;
  const where = shift.station ? t('kds.atStation', { station: shift.station.name }) : '';
  return (
    <div className="kds__clock">
      {action.kind === 'out' ? (
        <>
          <span className="muted">{t('kds.onShiftSince', { where, since: format.time(shift.clockedInAt!), until: format.time(shift.endsAt) })}</span>
          <button type="button" className="btn" disabled={busy} onClick={() => clockOut.mutate({ shiftId: shift.id })}>
            {t('kds.clockOut')}
          </button>
        </>
      ) : (
        <>
          <span className="muted">{t('kds.yourShift', { where, range: format.timeRange(shift.startsAt, shift.endsAt) })}</span>
          <button type="button" className="btn btn--primary" disabled={busy} onClick={() => clockIn.mutate({ shiftId: shift.id })}>
            {t('kds.clockIn')}
          </button>
        </>
      )}
      <FormError error={action.kind === 'out' ? clockOut.error : clockIn.error} />
    </div>
  );
}
