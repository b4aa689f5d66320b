import { keepPreviousData } from '@tanstack/react-query';
import { PageHeader } from '../../shell/page';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../api/graphql';
import { useGqlQuery } from '../../api/hooks';
import { Empty, QueryView } from '../../shell/states';

const PAGE = 50;
const AUDIT_QUERY = graphql(`
  query AuditLogs($action: String, $entityType: String, $limit: Int, $offset: Int) {
    auditLogs(action: $action, entityType: $entityType, limit: $limit, offset: $offset) {
      id
      action
      entityType
      entityId
      details
      ipAddress
      createdAt
      user {
        id
        name
        email
        role
      }
    }
  }
`);

// The API matches filters exactly; these are the entity types services record today.
const ENTITY_TYPES = ['User', 'Station', 'WorkflowTemplate', 'MenuItem', 'InventoryItem', 'Order'];

type Filters = { action: string; entityType: string };

export function AuditLogPage() {
  const [draft, setDraft] = useState<Filters>({ action: '', entityType: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [offset, setOffset] = useState(0);
  const variables = { action: filters.action || null, entityType: filters.entityType || null, limit: PAGE + 1, offset };
  // One extra row tells whether a next page exists without a count query.
  const logs = useGqlQuery(['audit', variables], AUDIT_QUERY, variables, { placeholderData: keepPreviousData });

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ action: draft.action.trim(), entityType: draft.entityType });
    setOffset(0);
  };

  return (
    <section className="page">
      <PageHeader title="Audit log" lead="Who changed what, newest first." />
      <form className="card inline-form" onSubmit={apply} aria-label="Filter audit log">
        <label className="field">
          <span>Action</span>
          <input value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} placeholder="e.g. station.create, user.login" />
        </label>
        <label className="field">
          <span>Entity</span>
          <select value={draft.entityType} onChange={(e) => setDraft({ ...draft, entityType: e.target.value })}>
            <option value="">Any</option>
            {ENTITY_TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn--primary">
          Filter
        </button>
      </form>
      <QueryView query={logs} isEmpty={(d) => d.auditLogs.length === 0} empty={<Empty title="No matching entries" />}>
        {({ auditLogs }) => (
          <>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Entity</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {auditLogs.slice(0, PAGE).map((log) => (
                  <tr key={log.id}>
                    <td>{new Date(log.createdAt).toLocaleString()}</td>
                    <td>{log.user ? `${log.user.name} (${log.user.role})` : <span className="muted">system</span>}</td>
                    <td>
                      <code>{log.action}</code>
                    </td>
                    <td>{log.entityType ?? '—'}</td>
                    <td>
                      {log.details != null ? (
                        <details>
                          <summary>show</summary>
                          <pre className="json">{JSON.stringify(log.details, null, 2)}</pre>
                        </details>
                      ) : (
                        <span className="muted">—</span>
                      )}
                      {log.ipAddress && <span className="muted"> {log.ipAddress}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav className="pager" aria-label="Audit log pages">
              <button type="button" className="btn btn--small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                Newer
              </button>
              <span className="muted">
                Entries {offset + 1}–{offset + Math.min(PAGE, auditLogs.length)}
              </span>
              <button type="button" className="btn btn--small" disabled={auditLogs.length <= PAGE} onClick={() => setOffset(offset + PAGE)}>
                Older
              </button>
            </nav>
          </>
        )}
      </QueryView>
    </section>
  );
}
