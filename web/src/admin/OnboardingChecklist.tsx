import { graphql } from '../api/graphql';
import { useGqlQuery } from '../api/hooks';
import { Link } from '../router/router';
import { useI18n } from '../i18n/LocaleProvider';

export const ONBOARDING_KEY = ['onboarding'] as const;
export const ONBOARDING_QUERY = graphql(`
  query Onboarding {
    onboarding {
      complete
      steps {
        key
        done
        href
      }
    }
  }
`);

const STEP_KEYS = ['stations', 'recipes', 'dishes', 'stock', 'staff'] as const;
const isStepKey = (key: string): key is (typeof STEP_KEYS)[number] => (STEP_KEYS as readonly string[]).includes(key);

/**
 * A new restaurant's way from empty to its first order, on its dashboard. Each step is read from
 * the kitchen's real rows on the server; once all are done the checklist is gone.
 */
export function OnboardingChecklist() {
  const query = useGqlQuery(ONBOARDING_KEY, ONBOARDING_QUERY, undefined, { staleTime: 0 });
  const { t } = useI18n();
  const onboarding = query.data?.onboarding;
  if (!onboarding || onboarding.complete) return null;
  const done = onboarding.steps.filter((s) => s.done).length;
  const next = onboarding.steps.find((s) => !s.done)?.key;

  return (
    <section className="card onboarding" aria-labelledby="onboarding-title">
      <h2 id="onboarding-title">{t('admin.onboarding.title')}</h2>
      <p className="muted">{t('admin.onboarding.progress', { done, total: onboarding.steps.length })}</p>
      <ol className="onboarding__steps">
        {onboarding.steps.map((step) => {
          // The server's step keys: one it adds before this screen knows it shows its key.
          const text = isStepKey(step.key)
            ? { title: t(`admin.onboarding.steps.${step.key}.title`), detail: t(`admin.onboarding.steps.${step.key}.detail`) }
            : { title: step.key, detail: '' };
          return (
            <li key={step.key} className={`onboarding__step${step.done ? ' is-done' : ''}${step.key === next ? ' is-next' : ''}`}>
              <span className={`badge ${step.done ? 'badge--ok' : ''}`}>{step.done ? t('admin.onboarding.done') : t('admin.onboarding.toDo')}</span>{' '}
              <Link to={step.href}>{text.title}</Link> <span className="muted">{text.detail}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
