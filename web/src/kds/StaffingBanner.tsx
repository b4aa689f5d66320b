import { useGqlQuery } from '../api/hooks';
import { STATION_STAFFING_QUERY, staffingKey } from './shift-api';

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * Where shifts are planned at this station: how many are on, and a banner while nobody is (the
 * station takes no new work then, and the ETA waits for the next shift). Nothing otherwise.
 */
export function StaffingBanner({ stationId }: { stationId: string }) {
  // Shift boundaries pass without an event: read again every minute, and at once on `shift:updated`.
  const query = useGqlQuery(staffingKey(stationId), STATION_STAFFING_QUERY, { id: stationId }, { refetchInterval: 60_000 });
  const staffing = query.data?.station?.staffing;
  if (!staffing?.followsShifts) return null;
  if (staffing.capacityNow > 0) {
    return (
      <p className="kds__staffing muted" aria-label="Staffing">
        On shift here: <strong>{staffing.onShiftNow}</strong>
      </p>
    );
  }
  return (
    <p className="notice notice--warning kds__unstaffed" role="status">
      Nobody is on shift at this station: it takes no new tickets{' '}
      {staffing.staffedFrom ? `until the next shift starts at ${time(staffing.staffedFrom)}` : 'and no shift is planned here'}. Quotes wait for it too.
    </p>
  );
}
