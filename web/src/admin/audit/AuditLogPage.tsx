import { keepPreviousData } from '@tanstack/react-query';
import { PageHeader } from '../../shell/page';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../api/graphql';
import { useGqlQuery } from '../../api/hooks';
import { Empty, QueryView } from '../../shell/states';
import { useI18n } from '../../i18n/LocaleProvider';

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
  const { t, format } = useI18n();
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
      <PageHeader title={t('routes.audit.title')} lead={t('admin.audit.lead')} />
      <form className="card inline-form" onSubmit={apply} aria-label={t('admin.audit.filterLabel')}>
        <label className="field">
          <span>{t('admin.audit.action')}</span>
          <input value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} placeholder={t('admin.audit.actionPlaceholder')} />
        </label>
        <label className="field">
          <span>{t('admin.audit.entity')}</span>
          <select value={draft.entityType} onChange={(e) => setDraft({ ...draft, entityType: e.target.value })}>
            <option value="">{t('admin.audit.any')}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn--primary">
          {t('admin.audit.filter')}
        </button>
      </form>
      <QueryView query={logs} isEmpty={(d) => d.auditLogs.length === 0} empty={<Empty title={t('admin.audit.empty')} />}>
        {({ auditLogs }) => (
          <>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.audit.when')}</th>
                  <th scope="col">{t('admin.audit.who')}</th>
                  <th scope="col">{t('admin.audit.action')}</th>
                  <th scope="col">{t('admin.audit.entity')}</th>
                  <th scope="col">{t('admin.audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {auditLogs.slice(0, PAGE).map((log) => (
                  <tr key={log.id}>
                    <td>{format.dateTime(log.createdAt)}</td>
                    <td>{log.user ? `${log.user.name} (${log.user.role})` : <span className="muted">{t('admin.audit.system')}</span>}</td>
                    <td>
                      <code>{log.action}</code>
                    </td>
                    <td>{log.entityType ?? '—'}</td>
                    <td>
                      {log.details != null ? (
                        <details>
                          <summary>{t('admin.audit.show')}</summary>
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
            <nav className="pager" aria-label={t('admin.audit.pages')}>
              <button type="button" className="btn btn--small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t('admin.audit.newer')}
              </button>
              <span className="muted">{t('admin.audit.entries', { from: offset + 1, to: offset + Math.min(PAGE, auditLogs.length) })}</span>
              <button type="button" className="btn btn--small" disabled={auditLogs.length <= PAGE} onClick={() => setOffset(offset + PAGE)}>
                {t('admin.audit.older')}
              </button>
            </nav>
          </>
        )}
      </QueryView>
    </section>
  );
}
