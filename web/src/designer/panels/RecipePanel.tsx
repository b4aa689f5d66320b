import type { Dispatch } from 'react';
import type { RecipeIssue } from '../../../../domain/recipe';
import type { EditorAction } from '../editor-state';
import { sortedLanes } from '../layout';
import type { DesignerGraph } from '../types';

interface Props {
  graph: DesignerGraph;
  generalIssues: RecipeIssue[];
  dispatch: Dispatch<EditorAction>;
}

/** Shown when nothing is selected: settings of the recipe as a whole. */
export function RecipePanel({ graph, generalIssues, dispatch }: Props) {
  const lanes = sortedLanes(graph.nodes);
  const first = lanes[0]?.data.phase;
  return (
    <section className="panel" aria-labelledby="recipe-panel-title">
      <h2 id="recipe-panel-title" className="panel__title">
        Recipe settings
      </h2>
      <label className="field">
        <span>Deduct inventory when this phase starts</span>
        <select value={graph.deductInventoryPhase ?? ''} onChange={(e) => dispatch({ type: 'setDeductPhase', phaseId: e.target.value || undefined })}>
          <option value="">Default: first phase{first ? ` (${first.name})` : ''}</option>
          {graph.deductInventoryPhase !== undefined && !lanes.some((l) => l.data.phase.id === graph.deductInventoryPhase) && (
            <option value={graph.deductInventoryPhase}>{graph.deductInventoryPhase} — not a phase</option>
          )}
          {lanes.map((l) => (
            <option key={l.id} value={l.data.phase.id}>
              {l.data.phase.name}
            </option>
          ))}
        </select>
      </label>
      {generalIssues.length > 0 && (
        <ul className="issue-inline issue-inline--error">
          {generalIssues.map((i) => (
            <li key={i.message}>{i.message}</li>
          ))}
        </ul>
      )}
      <p className="muted">
        Select a task or phase to edit it. Drag from a task’s right handle to another task’s left handle to make the second wait for the first; select an arrow
        or node and press Delete to remove it.
      </p>
    </section>
  );
}
