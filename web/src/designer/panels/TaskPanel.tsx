import { useEffect, useState, type Dispatch } from 'react';
import type { EditorAction } from '../editor-state';
import { isPhaseNode, isTaskNode, type DesignerGraph, type TaskNode } from '../types';
import { sortedLanes } from '../layout';
import { DependencyEditor } from './DependencyEditor';
import { SubtaskEditor } from './SubtaskEditor';

interface Props {
  node: TaskNode;
  graph: DesignerGraph;
  stationTypes: readonly string[] | undefined;
  dispatch: Dispatch<EditorAction>;
}

/** Everything about one task. Edits apply as you type, so validation marks update live. */
export function TaskPanel({ node, graph, stationTypes, dispatch }: Props) {
  const { task, mark, learnedMinutes, learnedNote, earliestStart } = node.data;
  const update = (patch: Parameters<typeof updateTask>[2]) => updateTask(dispatch, task.id, patch);
  const lanes = sortedLanes(graph.nodes).filter(isPhaseNode);
  const knownType = !stationTypes || stationTypes.some((t) => t.toLowerCase() === task.station_type.trim().toLowerCase());

  // The minutes field keeps its own text so "1." or "" can be typed on the way to a valid number.
  const [minutesText, setMinutesText] = useState(String(task.estimated_minutes));
  useEffect(() => setMinutesText(Number.isFinite(task.estimated_minutes) ? String(task.estimated_minutes) : ''), [task.id, task.estimated_minutes]);

  return (
    <section className="panel" aria-labelledby="task-panel-title">
      <h2 id="task-panel-title" className="panel__title">
        Task <code>{task.id}</code>
      </h2>
      {mark && (
        <ul className={`issue-inline issue-inline--${mark.severity}`}>
          {mark.messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <label className="field">
        <span>Name</span>
        <input value={task.name} onChange={(e) => update({ name: e.target.value })} />
      </label>
      <label className="field">
        <span>Station type</span>
        <select value={task.station_type} onChange={(e) => update({ station_type: e.target.value })} aria-invalid={!knownType}>
          {!knownType && <option value={task.station_type}>{task.station_type || '(none)'} — unknown</option>}
          {(stationTypes ?? []).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
          {!stationTypes && knownType && <option value={task.station_type}>{task.station_type}</option>}
        </select>
        {stationTypes?.length === 0 && <small className="muted">No stations yet: add them under Stations first.</small>}
      </label>
      <div className="field-row">
        <label className="field">
          <span>Estimated minutes</span>
          <input
            type="number"
            inputMode="decimal"
            min={0.5}
            step={0.5}
            value={minutesText}
            onChange={(e) => {
              setMinutesText(e.target.value);
              update({ estimated_minutes: e.target.value.trim() === '' ? Number.NaN : Number(e.target.value) });
            }}
          />
        </label>
        <div className="field field--readonly">
          <span>Learned</span>
          <output title={learnedNote}>{learnedMinutes !== undefined ? `${learnedMinutes.toFixed(1)} min` : '—'}</output>
          {learnedNote && <small className="muted">{learnedNote}</small>}
        </div>
      </div>
      {earliestStart !== undefined && <p className="muted">Starts at the earliest {earliestStart} min into the recipe.</p>}
      <label className="field">
        <span>Phase</span>
        <select value={node.parentId} onChange={(e) => dispatch({ type: 'moveTask', taskId: task.id, phaseId: e.target.value.slice('phase:'.length) })}>
          {lanes.map((l) => (
            <option key={l.id} value={l.id}>
              {l.data.phase.name}
            </option>
          ))}
        </select>
      </label>
      <SubtaskEditor subtasks={task.subtasks} onChange={(subtasks) => update({ subtasks })} />
      <DependencyEditor node={node} tasks={graph.nodes.filter(isTaskNode)} edges={graph.edges} dispatch={dispatch} />
      <button type="button" className="btn btn--danger" onClick={() => dispatch({ type: 'removeNode', nodeId: node.id })}>
        Delete task
      </button>
    </section>
  );
}

function updateTask(dispatch: Dispatch<EditorAction>, taskId: string, patch: Extract<EditorAction, { type: 'updateTask' }>['patch']) {
  dispatch({ type: 'updateTask', taskId, patch });
}
