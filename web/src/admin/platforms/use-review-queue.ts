import { useQueryClient } from '@tanstack/react-query';
import { useGqlQuery } from '../../api/hooks';
import { useSocketEvent } from '../../realtime/RealtimeProvider';
import { REVIEW_KEY, REVIEW_POLL_MS, REVIEW_QUERY } from './platform-api';

/**
 * The platform orders waiting for a person, re-read whenever a `platform:order` event says one
 * was held, accepted or denied (by anyone), and on a slow poll in case the socket was down.
 */
export function useReviewQueue() {
  const client = useQueryClient();
  useSocketEvent('platform:order', () => void client.invalidateQueries({ queryKey: REVIEW_KEY }));
  return useGqlQuery(REVIEW_KEY, REVIEW_QUERY, undefined, { refetchInterval: REVIEW_POLL_MS, staleTime: 0 });
}
