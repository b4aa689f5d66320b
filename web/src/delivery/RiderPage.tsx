import { useGqlQuery } from '../api/hooks';
import { ShiftClock } from '../kds/ShiftClock';
import { useI18n } from '../i18n/LocaleProvider';
import { Empty, QueryView } from '../shell/states';
import { MY_DELIVERIES_KEY, MY_DELIVERIES_QUERY } from './delivery-api';
import { RiderDeliveryCard } from './RiderDeliveryCard';
import './delivery.css';

/**
 * The rider's phone: their clock-in and their own deliveries only, the ones in the bag first. A new assignment, an
 * unassign or a cancelled order arrives as `delivery:updated` in the rider's own socket room and
 * refreshes the list (realtime/live-cache.ts).
 */
export function RiderPage() {
  const mine = useGqlQuery(MY_DELIVERIES_KEY, MY_DELIVERIES_QUERY, undefined, { staleTime: 0 });
  const { t } = useI18n();
  return (
    <section className="page rider" aria-labelledby="rider-title">
      <h1 id="rider-title">{t('rider.title')}</h1>
      {/* Riders clock in here: they have no KDS. Dispatch counts a rider from their clock-in. */}
      <ShiftClock />
      <QueryView query={mine} isEmpty={(d) => d.myDeliveries.length === 0} empty={<Empty title={t('rider.nothing')} />}>
        {(d) => (
          <ul className="rider__list" aria-label={t('rider.title')}>
            {d.myDeliveries.map((delivery) => (
              <RiderDeliveryCard key={delivery.id} delivery={delivery} />
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
