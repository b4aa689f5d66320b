import { useGqlQuery } from '../api/hooks';
import { useI18n } from '../i18n/LocaleProvider';
import { STATION_STAFFING_QUERY, staffingKey } from './shift-api';

/**
 * Where shifts are planned at this station: how many are on, and a banner while nobody is (the
 * station takes no new work then, and the ETA waits for the next shift). Nothing otherwise.
 */
export function StaffingBanner({ stationId }: { stationId: string }) {
  // Shift boundaries pass without an event: read again every minute, and at once on `shift:updated`.
  const query = useGqlQuery(staffingKey(stationId), STATION_STAFFING_QUERY, { id: stationId }, { refetchInterval: 60_000 });
  const staffing = query.data?.station?.staffing;
  const { t, format } = useI18n();
  if (!staffing?.followsShifts) return null;
  if (staffing.capacityNow > 0) {
    return (
      <p className="kds__staffing muted" aria-label={t('kds.staffing')}>
        {t('kds.onShiftHere')} <strong>{staffing.onShiftNow}</strong>
      </p>
    );
  }
  return (
    <p className="notice notice--warning kds__unstaffed" role="status">
      {staffing.staffedFrom ? t('kds.unstaffedUntil', { time: format.time(staffing.staffedFrom) }) : t('kds.unstaffedNone')}
    </p>
  );
}
