import { useState } from 'react';
import type { RoleName } from '../../../../contracts/socket-events';
import { allowed } from '../../auth/roles';
import { PageHeader } from '../../shell/page';
import { useGqlQuery } from '../../api/hooks';
import { Empty, QueryView } from '../../shell/states';
import { DISHES_KEY, DISHES_QUERY, type ReviewOrder } from './platform-api';
import { ReviewCard } from './ReviewCard';
import { useReviewQueue } from './use-review-queue';

/** The platform auto-cancels at its accept deadline: the nearest one first, then the oldest order. */
const byUrgency = (a: ReviewOrder, b: ReviewOrder) =>
  (a.acceptDeadline ?? '\uffff').localeCompare(b.acceptDeadline ?? '\uffff') || a.createdAt.localeCompare(b.createdAt);

/**
 * Platform orders kept for a person because a line matched none of our dishes, or the kitchen could
 * not take them as sent: never dropped, never cooked by guesswork.
 */
export function ReviewQueue({ role }: { role: RoleName }) {
  const queue = useReviewQueue();
  const dishes = useGqlQuery(DISHES_KEY, DISHES_QUERY);
  const [notices, setNotices] = useState<string[]>([]);
  const menu = [...(dishes.data?.menuItems ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <section className="page">
      <PageHeader
        // A manager reviews platform orders but may not open the platforms page: no link to a refusal.
        back={allowed(role, 'platforms:manage') ? { to: '/admin/platforms', label: 'Platforms' } : undefined}
        title="Orders to review"
        lead="Platform orders we could not take as sent. Match each unknown line to one of our dishes and accept, or deny the order, before its deadline."
      />
      {notices.length > 0 && (
        <div className="notice" role="status">
          <ul className="plain-list">
            {notices.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
          <button type="button" className="btn btn--small" onClick={() => setNotices([])}>
            Dismiss
          </button>
        </div>
      )}
      <QueryView query={queue} isEmpty={(d) => d.platformReviewQueue.length === 0} empty={<Empty title="No platform orders need review" />}>
        {({ platformReviewQueue }) =>
          [...platformReviewQueue]
            .sort(byUrgency)
            .map((order) => (
              <ReviewCard
                key={order.id}
                order={order}
                platformName={order.platformName ?? 'Platform'}
                dishes={menu}
                onNotice={(m) => setNotices((list) => [m, ...list].slice(0, 5))}
              />
            ))
        }
      </QueryView>
    </section>
  );
}
