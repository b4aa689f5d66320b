import { graphql } from '../api/graphql';
import { useGqlQuery } from '../api/hooks';
import { Link } from '../router/router';

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

/** What each step of the server's checklist asks for (core/tenants/get-onboarding.ts says when it is done). */
const STEPS: Record<string, { title: string; detail: string }> = {
  stations: { title: 'Add your stations', detail: 'Where the work happens: oven, grill, cold prep, the pass.' },
  recipes: { title: 'Build and publish a recipe', detail: 'Its steps, each on a station, with their minutes.' },
  dishes: { title: 'Put dishes on the menu', detail: 'A name, a price and the recipe that cooks it.' },
  stock: { title: 'Add ingredients and stock', detail: 'What each dish uses, so every order deducts it.' },
  staff: { title: 'Invite your staff', detail: 'Cooks, front of house and riders, each with a one-time link.' },
};

/**
 * A new restaurant's way from empty to its first order, on its dashboard. Each step is read from
 * the kitchen's real rows on the server; once all are done the checklist is gone.
 */
export function OnboardingChecklist() {
  const query = useGqlQuery(ONBOARDING_KEY, ONBOARDING_QUERY, { staleTime: 0 });
  const onboarding = query.data?.onboarding;
  if (!onboarding || onboarding.complete) return null;
  const done = onboarding.steps.filter((s) => s.done).length;
  const next = onboarding.steps.find((s) => !s.done)?.key;

  return (
    <section className="card onboarding" aria-labelledby="onboarding-title">
      <h2 id="onboarding-title">Set up your kitchen</h2>
      <p className="muted">
        {done} of {onboarding.steps.length} done. Each step opens the page where it is done.
      </p>
      <ol className="onboarding__steps">
        {onboarding.steps.map((step) => {
          const text = STEPS[step.key] ?? { title: step.key, detail: '' };
          return (
            <li key={step.key} className={`onboarding__step${step.done ? ' is-done' : ''}${step.key === next ? ' is-next' : ''}`}>
              <span className={`badge ${step.done ? 'badge--ok' : ''}`}>{step.done ? 'done' : 'to do'}</span> <Link to={step.href}>{text.title}</Link>{' '}
              <span className="muted">{text.detail}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
