import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { BrigadeSocket } from '../../realtime/socket';
import { PLATFORMS_KEY } from './platform-api';
import { isFinished, syncProgressReducer, type PlatformSyncEvent } from './sync-progress';

/** What the progress needs from the socket; the component test drives it with a stand-in. */
export type SyncSocket = Pick<BrigadeSocket, 'on' | 'off'>;

/**
 * The platform's current menu sync run, live from `platform:sync` events. When the run ends, every
 * platform query refetches: the statuses, error texts and history the run wrote are then on screen.
 */
export function useSyncRun(platformId: string, socket: SyncSocket | null) {
  const client = useQueryClient();
  const reducer = useMemo(() => syncProgressReducer(platformId), [platformId]);
  const [run, dispatch] = useReducer(reducer, null);

  useEffect(() => {
    if (!socket) return;
    const onSync = (event: PlatformSyncEvent) => dispatch({ type: 'event', event });
    socket.on('platform:sync', onSync);
    return () => {
      socket.off('platform:sync', onSync);
    };
  }, [socket]);

  const finishedRun = isFinished(run) ? run!.runId : null;
  const refreshed = useRef<string | null>(null);
  useEffect(() => {
    if (!finishedRun || refreshed.current === finishedRun) return;
    refreshed.current = finishedRun;
    void client.invalidateQueries({ queryKey: PLATFORMS_KEY });
  }, [finishedRun, client]);

  return {
    run,
    started: (runId: string) => dispatch({ type: 'started', runId }),
    dismiss: () => dispatch({ type: 'dismissed' }),
  };
}
