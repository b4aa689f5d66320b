import { useState, type FormEvent } from 'react';
import { useGqlQuery } from '../../api/hooks';
import { PageHeader } from '../../shell/page';
import { FormError, QueryView } from '../../shell/states';
import { WHAT_IF_QUERY, WHAT_IF_SETUP, WHAT_IF_SETUP_KEY, type WhatIfInput } from './what-if-api';
import { EMPTY_FORM, isUnchanged, toWhatIfInput, type WhatIfForm } from './what-if-form';
import { WhatIfControls } from './WhatIfControls';
import { WhatIfResults } from './WhatIfResults';
import './what-if.css';
import { useI18n } from '../../i18n/LocaleProvider';

/** A manager tries a change on the kitchen as it is now and sees every open order's ready time move. Nothing is stored. */
export function WhatIfPage() {
  const setup = useGqlQuery(WHAT_IF_SETUP_KEY, WHAT_IF_SETUP);
  const [form, setForm] = useState<WhatIfForm>(EMPTY_FORM);
  // What was last simulated, with a run number so "Simulate" again re-reads the kitchen as it is then.
  const [submitted, setSubmitted] = useState<{ input: WhatIfInput; run: number } | null>(null);
  const result = useGqlQuery(
    ['what-if', 'run', submitted],
    WHAT_IF_QUERY,
    { input: submitted?.input ?? {} },
    { enabled: submitted !== null, staleTime: Infinity },
  );
  const input = toWhatIfInput(form);
  const { t } = useI18n();

  const simulate = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted({ input, run: (submitted?.run ?? 0) + 1 });
  };

  return (
    <section className="page">
      <PageHeader title={t('routes.whatIf.title')} lead={t('admin.whatIf.lead')} />
      <QueryView query={setup}>
        {(data) => (
          <form onSubmit={simulate} aria-label={t('admin.whatIf.changes')}>
            <WhatIfControls setup={data} form={form} onChange={setForm} />
            <div className="inline-form">
              <button type="submit" className="btn btn--primary" disabled={result.isFetching}>
                {isUnchanged(input) ? t('admin.whatIf.simulateAsIs') : t('admin.whatIf.simulate')}
              </button>
              <button type="button" className="btn" onClick={() => setForm(EMPTY_FORM)}>
                {t('admin.whatIf.reset')}
              </button>
            </div>
          </form>
        )}
      </QueryView>
      <FormError error={result.error} />
      {result.data && <WhatIfResults answer={result.data.whatIf} />}
    </section>
  );
}
