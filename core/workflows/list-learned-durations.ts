import { loadLearnedDurations } from '../kitchen-read/learned-durations';
import type { ServiceOptions } from '../types';

export interface LearnedTaskDuration {
  taskId: string;
  /** Moving average of the last 100 actual durations, normalised to one unit. */
  avgMinutes: number;
  samples: number;
}

/**
 * The learned durations the ETA uses, per task of this recipe (any station), for showing next
 * to the estimates in the designer. Same query and normalisation as the ETA simulation.
 */
export async function listLearnedDurations({ db, input }: ServiceOptions<{ templateId: string; taskIds: string[] }>): Promise<LearnedTaskDuration[]> {
  const template = await db.workflowTemplate.findUnique({ where: { id: input.templateId }, select: { id: true, tenantId: true } });
  if (!template) return [];
  const learned = await loadLearnedDurations(db, template.tenantId, [template.id]);
  return input.taskIds.flatMap((taskId) => {
    const hit = learned.lookup(template.id, taskId, null);
    return hit ? [{ taskId, avgMinutes: Math.round((hit.avgSeconds / 60) * 10) / 10, samples: hit.samples }] : [];
  });
}
