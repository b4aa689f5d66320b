import { useGqlMutation, useGqlQuery } from '../api/hooks';
import { FormError } from '../shell/states';
import { CLOCK_IN, CLOCK_OUT, MY_SHIFTS_KEY, MY_SHIFTS_QUERY } from './shift-api';
import { clockAction } from './shift-clock';
import { useNow } from './use-now';

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const SHIFTS = [['shifts']];

/** The signed-in user's clock-in / clock-out button; nothing when they have no shift due. */
export function ShiftClock() {
  const mine = useGqlQuery(MY_SHIFTS_KEY, MY_SHIFTS_QUERY, { refetchInterval: 5 * 60_000 });
  const clockIn = useGqlMutation(CLOCK_IN, SHIFTS);
  const clockOut = useGqlMutation(CLOCK_OUT, SHIFTS);
  const now = useNow(30_000);
  const action = clockAction(mine.data?.myShifts ?? [], now);
  const busy = clockIn.isPending || clockOut.isPending;
  if (action.kind === 'none') return <FormError error={clockIn.error ?? clockOut.error} />;

  const { shift } = action;
  const where = shift.station ? ` at ${shift.station.name}` : '';
  return (
    <div className="kds__clock">
      {action.kind === 'out' ? (
        <>
          <span className="muted">
            On shift{where} since {time(shift.clockedInAt!)}, until {time(shift.endsAt)}
          </span>
          <button type="button" className="btn" disabled={busy} onClick={() => clockOut.mutate({ shiftId: shift.id })}>
            Clock out
          </button>
        </>
      ) : (
        <>
          <span className="muted">
            Your shift{where}: {time(shift.startsAt)}–{time(shift.endsAt)}
          </span>
          <button type="button" className="btn btn--primary" disabled={busy} onClick={() => clockIn.mutate({ shiftId: shift.id })}>
            Clock in
          </button>
        </>
      )}
      <FormError error={action.kind === 'out' ? clockOut.error : clockIn.error} />
    </div>
  );
}
