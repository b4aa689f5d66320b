import { memo } from 'react';
import { barStyle, clock, lanesOf, timeSpan, type OrderTimelineData, type TimelineTaskData } from './order-timeline-api';

const minutes = (seconds: number) => (seconds < 60 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`);

function TaskRow({ task, span, now }: { task: TimelineTaskData; span: { from: number; to: number }; now: number }) {
  const planned = task.plannedStartAt && task.plannedEndAt ? barStyle(span, Date.parse(task.plannedStartAt), Date.parse(task.plannedEndAt)) : null;
  const waitEnd = task.startedAt ? Date.parse(task.startedAt) : task.status === 'QUEUED' ? now : null;
  const wait = task.queuedAt && waitEnd !== null ? barStyle(span, Date.parse(task.queuedAt), waitEnd) : null;
  const workEnd = task.completedAt ? Date.parse(task.completedAt) : task.status === 'IN_PROGRESS' ? now : null;
  const work = task.startedAt && workEnd !== null ? barStyle(span, Date.parse(task.startedAt), workEnd) : null;
  const title = `${task.name} (${task.itemName}): planned ${clock(task.plannedStartAt)}–${clock(task.plannedEndAt)}, waited ${minutes(task.waitingSeconds)}, worked ${minutes(task.workingSeconds)} (expected ${minutes(task.expectedSeconds)}${task.learned ? ', learned' : ', estimated'})`;
  return (
    <li className={`timeline-task${task.critical ? ' is-critical' : ''}`} data-testid="timeline-task" data-task-id={task.id} data-critical={task.critical}>
      <div className="timeline-task__label">
        <strong>{task.name}</strong> <span className="muted">{task.itemName}</span>
        {task.critical && <span className="badge badge--warning timeline-task__critical">critical path</span>}
        <span className="timeline-task__times muted">
          waited {minutes(task.waitingSeconds)} · worked {minutes(task.workingSeconds)} of {minutes(task.expectedSeconds)}{' '}
          {task.learned ? 'learned' : 'estimated'}
        </span>
      </div>
      <div className="timeline-task__track" title={title} role="img" aria-label={title}>
        {planned && <span className="timeline-bar timeline-bar--planned" style={planned} />}
        {wait && <span className="timeline-bar timeline-bar--waiting" style={wait} data-testid="bar-waiting" />}
        {work && <span className="timeline-bar timeline-bar--working" style={work} data-testid="bar-working" />}
      </div>
    </li>
  );
}

/** One swim lane per station: each task's planned bar under its waiting (striped) and working (solid) bars. */
export const TimelineLanes = memo(function TimelineLanes({ timeline }: { timeline: OrderTimelineData }) {
  const span = timeSpan(timeline);
  const now = Date.parse(timeline.computedAt);
  const mark = (iso: string | null) => (iso ? barStyle(span, Date.parse(iso), Date.parse(iso)).left : null);
  const promised = mark(timeline.promisedReadyAt);
  return (
    <div className="timeline" aria-label="Timeline per station">
      <div className="timeline__axis muted">
        <span>{clock(new Date(span.from).toISOString())}</span>
        <span>{clock(new Date(span.to).toISOString())}</span>
      </div>
      {timeline.stations.length === 0 && timeline.tasks.length === 0 && <p className="muted">No tasks yet.</p>}
      {lanesOf(timeline).map((lane) => (
        <section key={lane.id} className="timeline-lane" data-testid="timeline-lane" aria-label={lane.name}>
          <h3 className="timeline-lane__name">
            {lane.name}
            {lane.capacity !== null && (
              <span className="muted">
                {' '}
                · {lane.staffedSlots ?? lane.capacity} of {lane.capacity} slots
              </span>
            )}
          </h3>
          <ul className="timeline-lane__tasks">
            {lane.tasks.map((task) => (
              <TaskRow key={task.id} task={task} span={span} now={now} />
            ))}
          </ul>
          {promised && <span className="timeline__promise" style={{ left: promised }} aria-hidden="true" />}
        </section>
      ))}
      <p className="timeline__legend muted">
        <span className="timeline-key timeline-bar--planned" /> planned <span className="timeline-key timeline-bar--waiting" /> waiting{' '}
        <span className="timeline-key timeline-bar--working" /> working <span className="timeline-key timeline-key--promise" /> promised
      </p>
    </div>
  );
});
