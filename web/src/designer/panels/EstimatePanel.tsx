import type { RecipeCheck } from '../recipe-check';
import { isTaskNode, type DesignerGraph } from '../types';

/** The recipe's time: critical path (what an order waits) versus total work, and the path itself. */
export function EstimatePanel({ check, graph }: { check: RecipeCheck; graph: DesignerGraph }) {
  const { analysis, learnedTotalMinutes } = check;
  const names = new Map(graph.nodes.filter(isTaskNode).map((n) => [n.data.task.id, n.data.task.name]));
  return (
    <section className="panel" aria-labelledby="estimate-title">
      <h2 id="estimate-title" className="panel__title">
        Estimate
      </h2>
      {!analysis ? (
        <p className="muted">Fix the errors above to see the critical path.</p>
      ) : (
        <>
          <dl className="stats">
            <div>
              <dt>Ready in</dt>
              <dd data-testid="total-minutes">{round(analysis.totalMinutes)} min</dd>
            </div>
            <div>
              <dt>Total work</dt>
              <dd>{round(analysis.sumMinutes)} min</dd>
            </div>
            {learnedTotalMinutes !== null && (
              <div>
                <dt>From history</dt>
                <dd>{round(learnedTotalMinutes)} min</dd>
              </div>
            )}
          </dl>
          <p className="muted">Critical path (highlighted): a delay on any of these delays the dish.</p>
          <ol className="critical-path" data-testid="critical-path">
            {analysis.criticalPath.map((id) => (
              <li key={id}>{names.get(id) ?? id}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

const round = (n: number) => Math.round(n * 10) / 10;
