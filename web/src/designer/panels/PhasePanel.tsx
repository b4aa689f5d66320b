import type { Dispatch } from 'react';
import type { EditorAction } from '../editor-state';
import { sortedLanes } from '../layout';
import { isTaskNode, type DesignerGraph, type PhaseNode } from '../types';

interface Props {
  node: PhaseNode;
  graph: DesignerGraph;
  defaultStationType: string;
  dispatch: Dispatch<EditorAction>;
}

export function PhasePanel({ node, graph, defaultStationType, dispatch }: Props) {
  const { phase, mark, deductsInventory } = node.data;
  const lanes = sortedLanes(graph.nodes);
  const index = lanes.findIndex((l) => l.id === node.id);
  const taskCount = graph.nodes.filter((n) => isTaskNode(n) && n.parentId === node.id).length;

  const remove = () => {
    if (taskCount > 0 && !window.confirm(`Delete phase “${phase.name}” and its ${taskCount} task(s)?`)) return;
    dispatch({ type: 'removeNode', nodeId: node.id });
  };

  return (
    <section className="panel" aria-labelledby="phase-panel-title">
      <h2 id="phase-panel-title" className="panel__title">
        Phase <code>{phase.id}</code>
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
        <input value={phase.name} onChange={(e) => dispatch({ type: 'renamePhase', phaseId: phase.id, name: e.target.value })} />
      </label>
      <div className="btn-row">
        <button type="button" className="btn btn--small" disabled={index <= 0} onClick={() => dispatch({ type: 'shiftPhase', phaseId: phase.id, by: -1 })}>
          Move up
        </button>
        <button
          type="button"
          className="btn btn--small"
          disabled={index === lanes.length - 1}
          onClick={() => dispatch({ type: 'shiftPhase', phaseId: phase.id, by: 1 })}
        >
          Move down
        </button>
      </div>
      <p className="muted">
        Phase order is for reading and tie-breaks only: what runs when is decided by the arrows.
        {deductsInventory && ' Inventory is deducted when the first task of this phase starts.'}
      </p>
      <div className="btn-row">
        <button type="button" className="btn" onClick={() => dispatch({ type: 'addTask', phaseId: phase.id, stationType: defaultStationType })}>
          Add task here
        </button>
        <button type="button" className="btn btn--danger" onClick={remove}>
          Delete phase
        </button>
      </div>
    </section>
  );
}
