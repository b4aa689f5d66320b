import { useI18n } from '../i18n/LocaleProvider';
import { Link } from '../router/router';
import { orderDetailPath } from './order-timeline-api';

/** Opens the order's detail page (timeline, ETA history, why it was late). */
export function OrderDetailLink({ orderId, orderNumber, className = 'order-detail-link' }: { orderId: string; orderNumber: number; className?: string }) {
  const { t } = useI18n();
  return (
    <Link to={orderDetailPath(orderId)} className={className} data-testid="order-detail-link" aria-label={t('orders.details', { orderNumber })}>
      #{orderNumber}
    </Link>
  );
}
