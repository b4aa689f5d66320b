import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { TaskNode } from '../types';

const fmt = (minutes: number) => (Number.isInteger(minutes) ? String(minutes) : minutes.toFixed(1));

/**
 * One recipe task. Target handle on the left (what it waits for), source on the right (what waits
 * for it): dragging from A's right edge to B's left edge makes B depend on A.
 */
function TaskNodeView({ data, selected }: NodeProps<TaskNode>) {
  const { task, mark, critical, learnedMinutes, learnedNote } = data;
  const subtasks = task.subtasks.length;
  const optional = task.subtasks.filter((s) => s.optional).length;
  return (
    <div
      className="task-card"
      data-task-id={task.id}
      data-issue={mark?.severity}
      data-critical={critical ? 'true' : undefined}
      aria-selected={selected}
      title={mark ? mark.messages.join('\n') : undefined}
    >
      <Handle type="target" position={Position.Left} aria-label={`${task.name}: waits for`} />
      <div className="task-card__head">
        <span className="task-card__name">{task.name}</span>
        {mark && (
          <span className={`task-card__flag task-card__flag--${mark.severity}`} aria-label={`${mark.messages.length} issue(s)`}>
            {mark.severity === 'error' ? '!' : '?'}
          </span>
        )}
      </div>
      <div className="task-card__meta">
        <span className="chip">{task.station_type || 'no station'}</span>
        <span className="task-card__minutes">
          {Number.isFinite(task.estimated_minutes) ? fmt(task.estimated_minutes) : '–'} min
          {learnedMinutes !== undefined && (
            <span className="task-card__learned" title={learnedNote}>
              {' '}
              · learned {fmt(learnedMinutes)}
            </span>
          )}
        </span>
      </div>
      {subtasks > 0 && (
        <div className="task-card__subs muted">
          {subtasks} step{subtasks === 1 ? '' : 's'}
          {optional > 0 && ` (${optional} optional)`}
        </div>
      )}
      {mark && <div className="task-card__issue">{mark.messages[0]}</div>}
      <Handle type="source" position={Position.Right} aria-label={`${task.name}: unblocks`} />
    </div>
  );
}

export default memo(TaskNodeView);
