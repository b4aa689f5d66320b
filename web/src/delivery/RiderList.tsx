import { useI18n } from '../i18n/LocaleProvider';
import { clock, type DispatchRider } from './delivery-api';

/** Every active rider: free, out (since when, back when) or off shift; the suggestion is marked. */
export function RiderList({ riders, suggestedRiderId }: { riders: DispatchRider[]; suggestedRiderId: string | null }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="dispatch-riders">
      <h2 id="dispatch-riders">{t('rider.riders')}</h2>
      {riders.length === 0 ? (
        <p className="muted">{t('rider.noRiders')}</p>
      ) : (
        <ul className="dispatch__riders" aria-label={t('rider.riders')}>
          {riders.map((r) => (
            <li key={r.id} className={`dispatch-rider dispatch-rider--${r.state.toLowerCase()}`} data-state={r.state}>
              <span>
                <strong>{r.name}</strong>
                {r.id === suggestedRiderId && <span className="badge badge--ok"> {t('rider.next')}</span>}
              </span>
              <span className="muted">
                {t(`rider.state.${r.state}`)}
                {r.state === 'OUT' && t('rider.outBack', { since: clock(r.outSince), back: clock(r.expectedBackAt) })}
                {r.waiting > 0 && t('rider.waiting', { count: r.waiting })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
