import { useQueryClient } from '@tanstack/react-query';
import { PageHeader } from '../../shell/page';
import { useGqlQuery } from '../../api/hooks';
import { useSocketEvent } from '../../realtime/RealtimeProvider';
import { Link, navigate } from '../../router/router';
import { Empty, QueryView } from '../../shell/states';
import { NewPlatformForm } from './NewPlatformForm';
import { PLATFORMS_KEY, platformsListKey, PLATFORMS_QUERY } from './platform-api';
import { PlatformRow } from './PlatformRow';
import { useReviewQueue } from './use-review-queue';
import './platforms.css';

/**
 * Every connected sales channel: how it is doing (store status, dishes by sync state, orders
 * waiting for a person), with the store status switchable right here during service.
 */
export function PlatformsPage() {
  const platforms = useGqlQuery(platformsListKey, PLATFORMS_QUERY);
  const review = useReviewQueue();
  const waiting = review.data?.platformReviewQueue ?? [];
  const waitingFor = (id: string) => waiting.filter((o) => o.platformId === id).length;
  // A finished sync run changed some platform's counts (whoever started it).
  const client = useQueryClient();
  useSocketEvent('platform:sync', (e) => {
    if (e.phase === 'done') void client.invalidateQueries({ queryKey: PLATFORMS_KEY });
  });

  return (
    <section className="page">
      <PageHeader
        title="Platforms"
        lead="Delivery marketplaces and other channels: their dishes, sync state and store status."
        actions={
          waiting.length > 0 && (
            <Link to="/admin/platforms/review" className="btn">
              Review queue <span className="badge badge--warning">{waiting.length}</span>
            </Link>
          )
        }
      />
      <details className="card" open={platforms.data?.platforms.length === 0 || undefined}>
        <summary>Add platform</summary>
        <NewPlatformForm onCreated={(p) => navigate(`/admin/platforms/${p.id}`)} />
      </details>
      <QueryView query={platforms} isEmpty={(d) => d.platforms.length === 0} empty={<Empty title="No platforms connected yet">Add the first one above.</Empty>}>
        {(d) => (
          <table className="table platforms-table">
            <thead>
              <tr>
                <th scope="col">Platform</th>
                <th scope="col">Type</th>
                <th scope="col">Active</th>
                <th scope="col">Dishes by sync status</th>
                <th scope="col">Store status</th>
              </tr>
            </thead>
            <tbody>
              {d.platforms.map((p) => (
                <PlatformRow key={p.id} platform={p} needsReview={waitingFor(p.id)} />
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </section>
  );
}
