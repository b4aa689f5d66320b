import type { ReactNode } from 'react';
import { PageHeader } from '../shell/page';
import { useGqlQuery } from '../api/hooks';
import { describeError } from '../api/errors';
import { Link } from '../router/router';
import { graphql } from '../api/graphql';
import { ALL_STATIONS_KEY, STATIONS_QUERY } from './stations/station-api';
import { MENU_KEY, MENU_QUERY } from './menu/menu-api';
import { RECIPES_KEY, RECIPES_QUERY } from '../designer/recipe-api';
import { AnalyticsPanel } from '../analytics/AnalyticsPanel';
import { OnboardingChecklist } from './OnboardingChecklist';
import { useI18n } from '../i18n/LocaleProvider';

const LOW_STOCK_QUERY = graphql(`
  query LowStock($belowMin: Boolean) {
    inventoryItems(belowMin: $belowMin) {
      id
      name
    }
  }
`);

/**
 * The manager's start page: the state of the kitchen's setup at a glance, each card linking to the
 * page that fixes it. Uses the same cache keys as those pages, so numbers agree and load once.
 */
export function DashboardPage() {
  const stations = useGqlQuery(ALL_STATIONS_KEY, STATIONS_QUERY);
  const menu = useGqlQuery(MENU_KEY, MENU_QUERY);
  const low = useGqlQuery(['inventory', { belowMin: true }], LOW_STOCK_QUERY, { belowMin: true });
  const recipes = useGqlQuery(RECIPES_KEY, RECIPES_QUERY);
  const { t } = useI18n();

  return (
    <section className="page">
      <PageHeader title={t('routes.dashboard.title')} />
      <OnboardingChecklist />
      <div className="cards">
        <Card title={t('admin.dashboard.stations')} to="/admin/stations" query={stations}>
          {(d) => {
            const active = d.stations.filter((s) => s.isActive).length;
            return <Figure value={active} label={t('admin.dashboard.activeOf', { total: d.stations.length })} tone={active === 0 ? 'bad' : 'ok'} />;
          }}
        </Card>
        <Card title={t('admin.dashboard.menu')} to="/admin/menu" query={menu}>
          {(d) => {
            const off = d.menuItems.filter((m) => !m.isAvailable).length;
            return <Figure value={off} label={t('admin.dashboard.unavailableOf', { total: d.menuItems.length })} tone={off > 0 ? 'warn' : 'ok'} />;
          }}
        </Card>
        <Card title={t('admin.dashboard.lowStock')} to="/admin/inventory" query={low}>
          {(d) => (
            <Figure
              value={d.inventoryItems.length}
              label={
                d.inventoryItems.length
                  ? d.inventoryItems
                      .slice(0, 3)
                      .map((i) => i.name)
                      .join(', ')
                  : t('admin.dashboard.allAboveMin')
              }
              tone={d.inventoryItems.length > 0 ? 'bad' : 'ok'}
            />
          )}
        </Card>
        <Card title={t('admin.dashboard.recipes')} to="/designer" query={recipes}>
          {(d) => {
            const unpublished = d.workflowTemplates.filter((w) => !w.currentVersion).length;
            return (
              <Figure
                value={unpublished}
                label={t('admin.dashboard.unpublishedOf', { total: d.workflowTemplates.length })}
                tone={unpublished > 0 ? 'warn' : 'ok'}
              />
            );
          }}
        </Card>
      </div>
      <AnalyticsPanel />
    </section>
  );
}

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
}

function Card<T>({ title, to, query, children }: { title: string; to: string; query: QueryLike<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  return (
    <Link to={to} className="card stat-card">
      <h2 className="stat-card__title">{title}</h2>
      {query.isPending ? (
        <span className="muted">{t('common.loading')}</span>
      ) : query.data ? (
        children(query.data)
      ) : (
        <span className="form-error">{describeError(query.error)}</span>
      )}
    </Link>
  );
}

function Figure({ value, label, tone }: { value: number; label: string; tone: 'ok' | 'warn' | 'bad' }) {
  return (
    <div className={`figure figure--${tone}`}>
      <span className="figure__value">{value}</span>
      <span className="figure__label">{label}</span>
    </div>
  );
}
