import { useState, type Dispatch } from 'react';
import type { EditorAction } from '../editor-state';
import type { DependencyEdge, TaskNode } from '../types';

interface Props {
  node: TaskNode;
  tasks: TaskNode[];
  edges: DependencyEdge[];
  dispatch: Dispatch<EditorAction>;
}

/**
 * The keyboard way to wire the graph (dragging edges needs a pointer): list, add and remove what
 * this task waits for. Same actions as the canvas, so validation treats both the same.
 */
export function DependencyEditor({ node, tasks, edges, dispatch }: Props) {
  const id = node.data.task.id;
  const nameOf = new Map(tasks.map((t) => [t.data.task.id, t.data.task.name]));
  const waitsFor = edges.filter((e) => e.data?.to === id).map((e) => e.data!.from);
  const unblocks = edges.filter((e) => e.data?.from === id).map((e) => e.data!.to);
  const candidates = tasks.map((t) => t.data.task.id).filter((t) => t !== id && !waitsFor.includes(t));
  const [pick, setPick] = useState('');

  return (
    <fieldset className="fieldset">
      <legend>Waits for</legend>
      {waitsFor.length === 0 && node.data.missingDeps.length === 0 && <p className="muted">Nothing: can start as soon as the order arrives.</p>}
      <ul className="deps">
        {waitsFor.map((dep) => (
          <li key={dep}>
            {nameOf.get(dep) ?? dep}
            <button
              type="button"
              className="icon-btn"
              aria-label={`Stop waiting for ${nameOf.get(dep) ?? dep}`}
              onClick={() => dispatch({ type: 'removeDependency', from: dep, to: id })}
            >
              ✕
            </button>
          </li>
        ))}
        {node.data.missingDeps.map((dep) => (
          <li key={`missing:${dep}`} className="deps__missing">
            unknown task “{dep}”
            <button
              type="button"
              className="icon-btn"
              aria-label={`Remove unknown dependency ${dep}`}
              onClick={() => dispatch({ type: 'removeMissingDependency', taskId: id, dep })}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      {candidates.length > 0 && (
        <div className="inline-form">
          <select aria-label="Add a task this one waits for" value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">Choose a task…</option>
            {candidates.map((c) => (
              <option key={c} value={c}>
                {nameOf.get(c)} ({c})
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn--small"
            disabled={!pick}
            onClick={() => {
              dispatch({ type: 'connect', from: pick, to: id });
              setPick('');
            }}
          >
            Add
          </button>
        </div>
      )}
      {unblocks.length > 0 && <p className="muted">Unblocks: {unblocks.map((t) => nameOf.get(t) ?? t).join(', ')}</p>}
    </fieldset>
  );
}
