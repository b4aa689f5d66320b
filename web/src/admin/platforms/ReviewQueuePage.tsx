import { useRequiredSession } from '../../auth/AuthContext';
import { ReviewQueue } from './ReviewQueue';
import './platforms.css';

/** The route; the screen itself is ReviewQueue, which the component test renders without styles. */
export function ReviewQueuePage() {
  return <ReviewQueue role={useRequiredSession().user.role} />;
}
