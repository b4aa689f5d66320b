import { QueryClient } from '@tanstack/react-query';
import { isPermanent } from './errors';

/**
 * Server state lives here and nowhere else. Live Socket.io events update or invalidate these
 * entries, so staleTime can be generous; a reconnect invalidates everything (realtime/socket.ts).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // FORBIDDEN or NOT_FOUND will not change on a retry; a dropped connection might.
        retry: (failures, error) => !isPermanent(error) && failures < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
