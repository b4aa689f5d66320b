import { unitDuration, type DurationSource, type Learned } from '../../domain/eta';
import { loadLearnedDurations } from '../kitchen-read/learned-durations';
import type { ServiceOptions } from '../types';

export interface LearnedTaskDuration {
  taskId: string;
  /** Per-unit minutes the ETA expects of this task at no station in particular (the hierarchy in domain/eta/durations.ts). */
  learnedMinutes: number;
  source: DurationSource;
  /** Plausible samples behind the level that set it. */
  samples: number;
  /** The spread of that level, per unit; null for a station's pace (a ratio, shown as learnedMinutes). */
  p10Minutes: number | null;
  p90Minutes: number | null;
}

const minutes = (seconds: number) => Math.round((seconds / 60) * 10) / 10;

/**
 * What the ETA has learned per task of this recipe (any station), for showing next to the
 * estimates in the designer: the task's own history, else the pace of the stations of its type.
 * Tasks where nothing was learned are absent. Same queries and learning as the ETA simulation.
 */
export async function listLearnedDurations({
  db,
  input,
}: ServiceOptions<{ templateId: string; tasks: Array<{ id: string; stationType: string; estimatedMinutes: number }> }>): Promise<LearnedTaskDuration[]> {
  const template = await db.workflowTemplate.findUnique({ where: { id: input.templateId }, select: { id: true, tenantId: true } });
  if (!template) return [];
  const learned = await loadLearnedDurations(db, template.tenantId, [template.id]);
  return input.tasks.flatMap((task) => {
    const levels = learned.lookup(template.id, task.id, null, task.stationType);
    if (!levels) return [];
    const unit = unitDuration(task.estimatedMinutes * 60, levels);
    if (unit.source === 'ESTIMATE') return [];
    const own: Learned | null = unit.source === 'TASK' ? (levels.anyStation ?? null) : null;
    return [
      {
        taskId: task.id,
        learnedMinutes: minutes(unit.seconds),
        source: unit.source,
        samples: unit.samples,
        p10Minutes: own ? minutes(own.p10) : null,
        p90Minutes: own ? minutes(own.p90) : null,
      },
    ];
  });
}
