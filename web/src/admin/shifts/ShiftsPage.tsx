import { useState } from 'react';
import { useGqlMutation, useGqlQuery } from '../../api/hooks';
import { useNow } from '../../kds/use-now';
import { PageHeader } from '../../shell/page';
import { FormError, QueryView } from '../../shell/states';
import { CREATE_SHIFT, DELETE_SHIFT, SHIFT_CHOICES_QUERY, SHIFT_WEEK_QUERY, SHIFTS_KEY, SHIFTS_TODAY_QUERY, STAFF_KEY, TODAY_KEY, weekKey } from './shift-api';
import { ShiftForm } from './ShiftForm';
import { TodayList } from './TodayList';
import { WeekGrid } from './WeekGrid';
import { addWeeks, dateInput, sameDay, startOfWeek } from './week';
import './shifts.css';
import { useI18n } from '../../i18n/LocaleProvider';

/**
 * The shift plan: a week by station or by person, and who is on where today. Where shifts are planned, a
 * station's capacity is the people on shift there (up to its configured capacity), for the ETA too.
 */
export function ShiftsPage() {
  const [weekStart, setWeekStart] = useState(() => startOfWeek(new Date()));
  const weekOf = weekStart.toISOString();
  const week = useGqlQuery(weekKey(weekOf), SHIFT_WEEK_QUERY, { weekOf });
  const today = useGqlQuery(TODAY_KEY, SHIFTS_TODAY_QUERY);
  const choices = useGqlQuery(STAFF_KEY, SHIFT_CHOICES_QUERY);
  const create = useGqlMutation(CREATE_SHIFT, [SHIFTS_KEY]);
  const remove = useGqlMutation(DELETE_SHIFT, [SHIFTS_KEY]);
  const now = useNow(30_000);
  const { t } = useI18n();
  const thisWeek = sameDay(weekStart, startOfWeek(new Date(now)));

  return (
    <section className="page">
      <PageHeader title={t('routes.shifts.title')} lead={t('admin.shifts.lead')} />
      <div className="shifts-layout">
        <div>
          <details className="card" open>
            <summary>{t('admin.shifts.plan')}</summary>
            <QueryView query={choices} loadingLabel={t('admin.shifts.loadingChoices')}>
              {(c) => (
                // Kept filled after a shift is added (the next person for the same hours is one change); a new week starts it afresh.
                <ShiftForm
                  key={weekOf}
                  choices={c}
                  day={dateInput(thisWeek ? new Date(now) : weekStart)}
                  busy={create.isPending}
                  error={create.error}
                  onSubmit={(input) => create.mutate({ input })}
                />
              )}
            </QueryView>
          </details>
          <nav className="btn-row shift-week__nav" aria-label={t('admin.shifts.week')}>
            <button type="button" className="btn btn--small" onClick={() => setWeekStart((w) => addWeeks(w, -1))}>
              {t('admin.shifts.previousWeek')}
            </button>
            <button type="button" className="btn btn--small" disabled={thisWeek} onClick={() => setWeekStart(startOfWeek(new Date()))}>
              {t('admin.shifts.thisWeek')}
            </button>
            <button type="button" className="btn btn--small" onClick={() => setWeekStart((w) => addWeeks(w, 1))}>
              {t('admin.shifts.nextWeek')}
            </button>
          </nav>
          <FormError error={remove.error} />
          <QueryView query={week} loadingLabel={t('admin.shifts.loadingWeek')}>
            {(w) => (
              <WeekGrid
                weekStart={weekStart}
                stations={choices.data?.stations ?? []}
                people={choices.data?.shiftStaff ?? []}
                shifts={w.shifts.shifts}
                busy={remove.isPending}
                onDelete={(s) => remove.mutate({ id: s.id })}
              />
            )}
          </QueryView>
        </div>
        <aside className="card shifts-today">
          <h2>{t('admin.shifts.today')}</h2>
          <QueryView query={today} loadingLabel={t('admin.shifts.loadingToday')}>
            {(d) => <TodayList shifts={d.shiftsToday} now={now} />}
          </QueryView>
        </aside>
      </div>
    </section>
  );
}
