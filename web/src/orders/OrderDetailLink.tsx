import { Link } from '../router/router';
import { orderDetailPath } from './order-timeline-api';

/** Opens the order's detail page (timeline, ETA history, why it was late). */
export function OrderDetailLink({ orderId, orderNumber, className = 'order-detail-link' }: { orderId: string; orderNumber: number; className?: string }) {
  return (
    <Link to={orderDetailPath(orderId)} className={className} data-testid="order-detail-link" aria-label={`Details of order #${orderNumber}`}>
      #{orderNumber}
    </Link>
  );
}
