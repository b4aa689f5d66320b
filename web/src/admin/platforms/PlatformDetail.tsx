import { useGqlMutation, useGqlQuery } from '../../api/hooks';
import { PageHeader } from '../../shell/page';
import { Link } from '../../router/router';
import { Empty, FormError, QueryView } from '../../shell/states';
import { AssignDishes } from './AssignDishes';
import { AssignmentsTable } from './AssignmentsTable';
import {
  assignmentsKey,
  ASSIGNMENTS_QUERY,
  baseUrlOf,
  CONNECTOR_LABEL,
  PLATFORM_TYPE_LABEL,
  platformsListKey,
  PLATFORMS_QUERY,
  RESYNC_PLATFORM,
} from './platform-api';
import { StoreStatusControl } from './StoreStatusControl';
import { SyncHistory } from './SyncHistory';
import { SyncProgress } from './SyncProgress';
import { isFinished } from './sync-progress';
import { useSyncRun, type SyncSocket } from './use-sync-run';

/**
 * One platform: its dishes with their sync state, re-sync (all or the selected dishes) with live
 * progress, assigning more dishes, and the history of every call made to the platform.
 */
const PENDING_POLL_MS = 2_000;

export function PlatformDetail({ platformId, socket }: { platformId: string; socket: SyncSocket | null }) {
  const platforms = useGqlQuery(platformsListKey, PLATFORMS_QUERY);
  // A dish edited here goes PENDING until the platform's follower pushes it (seconds, no run event): look again meanwhile.
  const assignments = useGqlQuery(
    assignmentsKey(platformId),
    ASSIGNMENTS_QUERY,
    { platformId },
    {
      refetchInterval: (query) => (query.state.data?.platformAssignments.some((a) => a.syncStatus === 'PENDING') ? PENDING_POLL_MS : false),
    },
  );
  const resync = useGqlMutation(RESYNC_PLATFORM);
  const { run, started, dismiss } = useSyncRun(platformId, socket);
  const running = Boolean(run && !isFinished(run));

  const startResync = (menuItemIds: string[] | null) =>
    resync.mutate({ platformId, menuItemIds }, { onSuccess: ({ resyncPlatform }) => started(resyncPlatform) });

  return (
    <QueryView query={platforms}>
      {(d) => {
        const platform = d.platforms.find((p) => p.id === platformId);
        if (!platform) {
          return (
            <Empty title="Platform not found">
              <Link to="/admin/platforms">All platforms</Link>
            </Empty>
          );
        }
        return (
          <section className="page">
            <PageHeader
              back={{ to: '/admin/platforms', label: 'Platforms' }}
              title={platform.name}
              lead={
                <>
                  {PLATFORM_TYPE_LABEL[platform.type]} · {CONNECTOR_LABEL[platform.connector] ?? platform.connector} · {baseUrlOf(platform)}
                  {!platform.isActive && <span className="badge">inactive</span>}
                </>
              }
              actions={<StoreStatusControl platform={platform} />}
            />
            <div className="btn-row">
              <button type="button" className="btn btn--primary" disabled={resync.isPending || running} onClick={() => startResync(null)}>
                {running ? 'Syncing…' : 'Re-sync all'}
              </button>
              <span className="muted">Uploads the whole menu; the platform processes it and reports each dish.</span>
            </div>
            <FormError error={resync.error} />
            <SyncProgress run={run} onDismiss={dismiss} />
            <section className="card" aria-labelledby="dishes-title">
              <h2 id="dishes-title">Dishes on {platform.name}</h2>
              <QueryView
                query={assignments}
                isEmpty={(a) => a.platformAssignments.length === 0}
                empty={<Empty title="No dishes assigned yet">Assign some below.</Empty>}
              >
                {(a) => (
                  <AssignmentsTable
                    platform={platform}
                    assignments={a.platformAssignments}
                    resyncBusy={resync.isPending || running}
                    onResync={(ids) => startResync(ids)}
                  />
                )}
              </QueryView>
            </section>
            <details className="card">
              <summary>Assign dishes</summary>
              <AssignDishes platformId={platformId} assigned={assignments.data?.platformAssignments ?? []} />
            </details>
            <section className="card" aria-labelledby="history-title">
              <h2 id="history-title">Sync history</h2>
              <SyncHistory platformId={platformId} assignments={assignments.data?.platformAssignments ?? []} />
            </section>
          </section>
        );
      }}
    </QueryView>
  );
}
