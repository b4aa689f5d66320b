import { useState } from 'react';
import { PageHeader } from '../../shell/page';
import { useGqlQuery } from '../../api/hooks';
import { Empty, QueryView } from '../../shell/states';
import { DISHES_KEY, DISHES_QUERY, platformsListKey, PLATFORMS_QUERY } from './platform-api';
import { ReviewCard } from './ReviewCard';
import { useReviewQueue } from './use-review-queue';

/**
 * Platform orders kept for a person because a line matched none of our dishes: never dropped, never
 * cooked by guesswork. Oldest first, since the platform's accept deadline runs for them too.
 */
export function ReviewQueue() {
  const queue = useReviewQueue();
  const platforms = useGqlQuery(platformsListKey, PLATFORMS_QUERY);
  const dishes = useGqlQuery(DISHES_KEY, DISHES_QUERY);
  const [notices, setNotices] = useState<string[]>([]);
  const nameOf = (id: string) => platforms.data?.platforms.find((p) => p.id === id)?.name ?? 'Platform';
  const menu = [...(dishes.data?.menuItems ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <section className="page">
      <PageHeader
        back={{ to: '/admin/platforms', label: 'Platforms' }}
        title="Orders to review"
        lead="Platform orders with dishes we could not match. Match each line to one of our dishes, or deny the order."
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
            .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
            .map((order) => (
              <ReviewCard
                key={order.id}
                order={order}
                platformName={nameOf(order.platformId)}
                dishes={menu}
                onNotice={(m) => setNotices((list) => [m, ...list].slice(0, 5))}
              />
            ))
        }
      </QueryView>
    </section>
  );
}
