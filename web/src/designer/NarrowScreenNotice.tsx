import type { WorkflowDefinition } from '../../../domain/recipe';
import { Link } from '../router/router';

/** The canvas and its side panel need this much width; below it the designer only shows the recipe. */
export const DESIGNER_MIN_WIDTH = 760;

/** Below the designer's width now (false without matchMedia, as in jsdom). */
export const isNarrowScreen = () => typeof window.matchMedia === 'function' && window.matchMedia(`(max-width: ${DESIGNER_MIN_WIDTH - 1}px)`).matches;

/** On a phone: why the designer does not open, and the recipe's phases and tasks to read. */
export function NarrowScreenNotice({ name, definition }: { name: string; definition: WorkflowDefinition }) {
  const phases = [...definition.phases].sort((a, b) => a.order - b.order);
  return (
    <section className="page designer-narrow">
      <header className="page__header">
        <div>
          <p className="muted">
            <Link to="/designer">Recipes</Link> /
          </p>
          <h1>{name}</h1>
        </div>
      </header>
      <p className="notice notice--warning" role="status">
        The recipe designer needs a larger screen (at least {DESIGNER_MIN_WIDTH} px wide). Here you can read the recipe.
      </p>
      {phases.map((phase) => (
        <div key={phase.id} className="card">
          <h2>{phase.name}</h2>
          <ol className="designer-narrow__tasks">
            {phase.tasks.map((task) => (
              <li key={task.id}>
                <strong>{task.name}</strong>{' '}
                <span className="muted">
                  {task.station_type} · {task.estimated_minutes} min
                </span>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
