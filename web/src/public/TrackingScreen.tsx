import type { TrackingStage, TrackingView } from '../../../contracts/public-views';
import { useI18n } from '../i18n/LocaleProvider';
import { OfflineNote } from './OfflineNote';

/** The path an order takes, as dots; a stage off it (cancelled…) shows no dots. */
const STEPS = ['received', 'preparing', 'ready'] as const;
const DELIVERY_STEPS = ['received', 'preparing', 'ready', 'out_for_delivery', 'delivered'] as const;

export function TrackingScreen({ view, live }: { view: TrackingView; live: boolean }) {
  const { t, format } = useI18n();
  const steps: readonly (typeof DELIVERY_STEPS)[number][] = view.delivery ? DELIVERY_STEPS : STEPS;
  const at = steps.indexOf(view.stage as (typeof DELIVERY_STEPS)[number]);
  const stage: TrackingStage = view.stage;
  return (
    <main className="public tracking">
      <p className="tracking__number">{t('customer.orderNumber', { orderNumber: view.orderNumber })}</p>
      <h1 className="tracking__headline" data-testid="tracking-stage" data-stage={view.stage}>
        {view.stage === 'out_for_delivery' && view.rider ? t('customer.riderOnWay', { rider: view.rider.firstName }) : t(`customer.headline.${stage}`)}
      </h1>
      {view.eta && (
        <p className="tracking__eta" data-testid="tracking-eta">
          {t('customer.readyBetween', { from: format.time(view.eta.from), to: format.time(view.eta.to) })}
        </p>
      )}
      {view.readyAt && view.stage === 'ready' && <p className="muted">{t('customer.readySince', { time: format.time(view.readyAt) })}</p>}
      {at >= 0 && (
        <ol className="tracking__steps" aria-label={t('customer.progress')}>
          {steps.map((step, i) => (
            <li key={step} className={i <= at ? 'is-done' : undefined} aria-current={i === at ? 'step' : undefined}>
              {t(`customer.step.${step}`)}
            </li>
          ))}
        </ol>
      )}
      {view.items.length > 0 && (
        <ul className="tracking__items" aria-label={t('customer.yourOrder')}>
          {view.items.map((item, i) => (
            <li key={i}>
              {item.quantity} × {item.name}
            </li>
          ))}
        </ul>
      )}
      <OfflineNote live={live} />
    </main>
  );
}
