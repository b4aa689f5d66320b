import { clock } from '../delivery/delivery-api';
import { useI18n } from '../i18n/LocaleProvider';
import type { ConsoleOrder } from './console-api';

/** What a caller asks about a delivery: when the kitchen has it, when it is at their door, and who brings it. */
export function DeliveryLine({ order: o }: { order: ConsoleOrder }) {
  const d = o.delivery!;
  const done = d.status === 'DELIVERED';
  const { t } = useI18n();
  return (
    <p className="console-order__delivery" data-testid="delivery-line">
      <span>
        {o.actualReadyAt
          ? t('console.delivery.readyAt', { time: clock(o.actualReadyAt) })
          : t('console.delivery.readyAbout', { time: clock(o.estimatedReadyAt) })}
      </span>
      <span>
        {' · '}
        {done ? t('console.delivery.deliveredAt') : t('console.delivery.doorBy')} <strong data-testid="delivered-by">{clock(o.deliveredBy)}</strong>
      </span>
      <span className="muted">
        {' · '}
        {t(`console.delivery.${d.status}`, { rider: d.rider?.name ?? t('console.delivery.aRider') })}
        {d.failureReason && `: ${d.failureReason}`}
      </span>
    </p>
  );
}
