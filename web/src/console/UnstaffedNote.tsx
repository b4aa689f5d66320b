import type { EtaQuote } from './console-api';
import { useI18n } from '../i18n/LocaleProvider';

/** Why a quote is late: a station the order needs has nobody on shift now (the ready time already waits for the next shift). */
export function UnstaffedNote({ stations }: { stations: EtaQuote['unstaffedStations'] }) {
  const { t, format } = useI18n();
  if (stations.length === 0) return null;
  return (
    <p className="notice notice--warning" data-testid="quote-unstaffed">
      {t('console.quote.unstaffedWaits', {
        stations: stations
          .map((s) =>
            s.staffedFrom
              ? t('console.quote.unstaffedUntil', { station: s.name, time: format.time(s.staffedFrom) })
              : t('console.quote.unstaffed', { station: s.name }),
          )
          .join('; '),
      })}
    </p>
  );
}
