import { useMemo } from 'react';
import { graphql } from '../api/graphql';
import { useGqlQuery } from '../api/hooks';

const LEARNED_QUERY = graphql(`
  query LearnedDurations($id: ID!) {
    workflowTemplate(id: $id) {
      id
      learnedDurations {
        taskId
        avgMinutes
        samples
      }
    }
  }
`);

/**
 * Learned average minutes per task id of one recipe (the moving average the ETA uses), for
 * showing next to the estimates. Tasks without history are absent; while loading or on error
 * the designer simply shows estimates only.
 */
export function useLearnedMinutes(templateId: string): Record<string, number> | undefined {
  const query = useGqlQuery(['workflowTemplate', templateId, 'learned'], LEARNED_QUERY, { id: templateId });
  return useMemo(() => {
    const rows = query.data?.workflowTemplate?.learnedDurations;
    if (!rows || rows.length === 0) return undefined;
    return Object.fromEntries(rows.map((r) => [r.taskId, r.avgMinutes]));
  }, [query.data]);
}
