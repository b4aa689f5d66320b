import { useGqlQuery } from '../../api/hooks';
import { Link } from '../../router/router';
import {
  assignmentsKey,
  ASSIGNMENTS_QUERY,
  baseUrlOf,
  CONNECTOR_LABEL,
  countByStatus,
  PLATFORM_TYPE_LABEL,
  STATUS_BADGE,
  SYNC_STATUSES,
  type Platform,
} from './platform-api';
import { StoreStatusControl } from './StoreStatusControl';

/** One platform; its dish counts come from the same cache entry the detail page shows. */
export function PlatformRow({ platform, needsReview }: { platform: Platform; needsReview: number }) {
  const assignments = useGqlQuery(assignmentsKey(platform.id), ASSIGNMENTS_QUERY, { platformId: platform.id });
  const list = assignments.data?.platformAssignments;
  const counts = list ? countByStatus(list) : null;

  return (
    <tr className={platform.isActive ? undefined : 'is-inactive'} data-platform-id={platform.id}>
      <th scope="row">
        <Link to={`/admin/platforms/${platform.id}`}>{platform.name}</Link>
        {needsReview > 0 && (
          <Link to="/admin/platforms/review" className="badge badge--error" aria-label={`${needsReview} orders need review`}>
            {needsReview} need review
          </Link>
        )}
        <div className="muted platforms-table__url">{baseUrlOf(platform)}</div>
      </th>
      <td>
        {PLATFORM_TYPE_LABEL[platform.type]}
        <div className="muted">{CONNECTOR_LABEL[platform.connector] ?? platform.connector}</div>
      </td>
      <td>{platform.isActive ? <span className="badge badge--ok">active</span> : <span className="badge">inactive</span>}</td>
      <td data-testid="sync-counts">
        {!counts ? (
          <span className="muted">{assignments.error ? 'unavailable' : '…'}</span>
        ) : list!.length === 0 ? (
          <span className="muted">no dishes assigned</span>
        ) : (
          SYNC_STATUSES.filter((s) => counts[s] > 0).map((s) => (
            <span key={s} className={`badge ${STATUS_BADGE[s]}`} data-sync-status={s}>
              {counts[s]} {s.toLowerCase()}
            </span>
          ))
        )}
      </td>
      <td>
        <StoreStatusControl platform={platform} />
      </td>
    </tr>
  );
}
