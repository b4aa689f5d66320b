import type { TrackingStage, TrackingView } from '../../../contracts/public-views';
import { OfflineNote } from './OfflineNote';

const HEADLINE: Record<TrackingStage, string> = {
  received: 'We have your order',
  preparing: 'Your order is being prepared',
  ready: 'Your order is ready',
  picked_up: 'Picked up. Enjoy!',
  served: 'Served. Enjoy!',
  out_for_delivery: 'Your order is on its way',
  delivered: 'Delivered. Enjoy!',
  delivery_failed: 'We could not deliver your order',
  cancelled: 'This order was cancelled',
  closed: 'This order is complete',
};

/** The path an order takes, as dots; a stage off it (cancelled…) shows no dots. */
const STEPS: TrackingStage[] = ['received', 'preparing', 'ready'];
const DELIVERY_STEPS: TrackingStage[] = ['received', 'preparing', 'ready', 'out_for_delivery', 'delivered'];

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function TrackingScreen({ view, live }: { view: TrackingView; live: boolean }) {
  const steps = view.delivery ? DELIVERY_STEPS : STEPS;
  const at = steps.indexOf(view.stage);
  return (
    <main className="public tracking">
      <p className="tracking__number">Order #{view.orderNumber}</p>
      <h1 className="tracking__headline" data-testid="tracking-stage" data-stage={view.stage}>
        {view.stage === 'out_for_delivery' && view.rider ? `${view.rider.firstName} is on the way with your order` : HEADLINE[view.stage]}
      </h1>
      {view.eta && (
        <p className="tracking__eta" data-testid="tracking-eta">
          Ready between {time(view.eta.from)} and {time(view.eta.to)}
        </p>
      )}
      {view.readyAt && view.stage === 'ready' && <p className="muted">Ready since {time(view.readyAt)}</p>}
      {at >= 0 && (
        <ol className="tracking__steps" aria-label="Progress">
          {steps.map((step, i) => (
            <li key={step} className={i <= at ? 'is-done' : undefined} aria-current={i === at ? 'step' : undefined}>
              {HEADLINE_SHORT[step]}
            </li>
          ))}
        </ol>
      )}
      {view.items.length > 0 && (
        <ul className="tracking__items" aria-label="Your order">
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

const HEADLINE_SHORT: Partial<Record<TrackingStage, string>> = {
  received: 'Received',
  preparing: 'Preparing',
  ready: 'Ready',
  out_for_delivery: 'On its way',
  delivered: 'Delivered',
};
