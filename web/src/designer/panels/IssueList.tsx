import type { RecipeIssue } from '../../../../domain/recipe';
import { phaseNodeId, taskNodeId } from '../graph-model';

interface Props {
  issues: RecipeIssue[];
  onSelect: (nodeId: string) => void;
}

/** Every problem at once, errors first; clicking one selects and shows the node it is about. */
export function IssueList({ issues, onSelect }: Props) {
  const errors = issues.filter((i) => i.severity === 'error').length;
  return (
    <section className="panel" aria-labelledby="issues-title">
      <h2 id="issues-title" className="panel__title">
        Checks{' '}
        <span className={`badge ${errors ? 'badge--error' : issues.length ? 'badge--warning' : 'badge--ok'}`} data-testid="issue-count">
          {errors ? `${errors} error${errors === 1 ? '' : 's'}` : issues.length ? `${issues.length} warning${issues.length === 1 ? '' : 's'}` : 'all good'}
        </span>
      </h2>
      {issues.length === 0 ? (
        <p className="muted">No cycles, unknown stations or orphan tasks.</p>
      ) : (
        <ul className="issues" aria-live="polite">
          {issues.map((issue, i) => {
            const target = issue.taskId ? taskNodeId(issue.taskId) : issue.phaseId && issue.code !== 'UNKNOWN_DEDUCT_PHASE' ? phaseNodeId(issue.phaseId) : null;
            return (
              <li key={`${issue.code}:${i}`} className={`issue issue--${issue.severity}`} data-code={issue.code}>
                {target ? (
                  <button type="button" className="link-btn" onClick={() => onSelect(target)}>
                    {issue.message}
                  </button>
                ) : (
                  issue.message
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
