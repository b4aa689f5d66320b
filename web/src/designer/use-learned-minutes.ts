import { useMemo } from 'react';
import { graphql } from '../api/graphql';
import { useGqlQuery } from '../api/hooks';

const LEARNED_QUERY = graphql(`
  query LearnedDurations($id: ID!) {
    workflowTemplate(id: $id) {
      id
      learnedDurations {
        taskId
        learnedMinutes
        source
        samples
        p10Minutes
        p90Minutes
      }
    }
  }
`);

export interface LearnedMinutes {
  /** Per-unit minutes per task id, as the ETA expects them. */
  minutes: Record<string, number>;
  /** Where each came from, in words: "median of 12 cooks (8–11 min)", "station pace over 40 cooks". */
  notes: Record<string, string>;
}

type Row = { source: string; samples: number; p10Minutes: number | null; p90Minutes: number | null };

function note(r: Row): string {
  const spread = r.p10Minutes !== null && r.p90Minutes !== null && r.p90Minutes > r.p10Minutes ? ` (${r.p10Minutes}–${r.p90Minutes} min)` : '';
  if (r.source === 'STATION_PACE') return `from its stations' pace over ${r.samples} cooks`;
  return `median of ${r.samples} cook${r.samples === 1 ? '' : 's'}${spread}`;
}

/**
 * What the ETA learned per task id of one recipe (its own history, else its stations' pace), for
 * showing next to the estimates. Tasks with nothing learned are absent; while loading or on error
 * the designer simply shows estimates only.
 */
export function useLearnedMinutes(templateId: string): LearnedMinutes | undefined {
  const query = useGqlQuery(['workflowTemplate', templateId, 'learned'], LEARNED_QUERY, { id: templateId });
  return useMemo(() => {
    const rows = query.data?.workflowTemplate?.learnedDurations;
    if (!rows || rows.length === 0) return undefined;
    return {
      minutes: Object.fromEntries(rows.map((r) => [r.taskId, r.learnedMinutes])),
      notes: Object.fromEntries(rows.map((r) => [r.taskId, note(r)])),
    };
  }, [query.data]);
}
