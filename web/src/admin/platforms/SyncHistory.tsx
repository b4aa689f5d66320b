import { useState } from 'react';
import { useGqlQuery } from '../../api/hooks';
import { Empty, QueryView } from '../../shell/states';
import { syncLogsKey, SYNC_LOGS_QUERY, when, type Assignment } from './platform-api';

const LIMITS = [25, 50, 100, 200];

const STATUS_TONE: Record<string, string> = { sent: 'badge--ok', sending: 'badge--warning', failed: 'badge--error' };

/**
 * Every outbound call to the platform, newest first (platformSyncLogs). Entities are shown by dish
 * name where the id is one of this platform's products, so "which dish failed" needs no lookup.
 */
export function SyncHistory({ platformId, assignments }: { platformId: string; assignments: Assignment[] }) {
  const [limit, setLimit] = useState(25);
  const logs = useGqlQuery(syncLogsKey(platformId, limit), SYNC_LOGS_QUERY, { platformId, limit });
  const dishOf = new Map<string, string>();
  for (const a of assignments) {
    dishOf.set(a.menuItemId, a.menuItemName);
    if (a.platformProductId) dishOf.set(a.platformProductId, a.menuItemName);
  }

  return (
    <>
      <div className="btn-row">
        <label className="field field--inline">
          <span>Show</span>
          <select value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
            {LIMITS.map((n) => (
              <option key={n} value={n}>
                last {n}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn--small" disabled={logs.isFetching} onClick={() => void logs.refetch()}>
          {logs.isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <QueryView query={logs} isEmpty={(d) => d.platformSyncLogs.length === 0} empty={<Empty title="Nothing sent to this platform yet" />}>
        {({ platformSyncLogs }) => (
          <table className="table sync-history">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col">Entity</th>
                <th scope="col" className="num">
                  Attempts
                </th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {platformSyncLogs.map((l) => (
                <tr key={l.id}>
                  <td>{when(l.createdAt)}</td>
                  <td>{l.kind.replace(/_/g, ' ')}</td>
                  <td>
                    <span className={`badge ${STATUS_TONE[l.status.toLowerCase()] ?? ''}`}>{l.status}</span>
                  </td>
                  <td>
                    {l.entityId ? (dishOf.get(l.entityId) ?? l.entityId) : <span className="muted">—</span>}
                    {l.entityType && <div className="muted">{l.entityType}</div>}
                  </td>
                  <td className="num">{l.attempts}</td>
                  <td className="sync-history__error">{l.error ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </>
  );
}
