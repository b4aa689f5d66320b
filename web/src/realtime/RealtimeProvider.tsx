import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { ServerEventName, ServerToClientEvents } from '../../../contracts/socket-events';
import type { AuthClient } from '../auth/auth-client';
import { createRealtime, type ConnectionStatus, type Realtime } from './socket';

/** Exported for component tests, which provide a stand-in socket. */
export const RealtimeContext = createContext<Realtime | null>(null);

/**
 * Opens the session's socket on mount and closes it on unmount (sign-out unmounts the shell).
 * After a reconnect the server replays the events missed meanwhile; when it cannot (too many, too
 * old), every cached query is refetched instead, so nothing stale or duplicated survives.
 */
export function RealtimeProvider({ auth, children }: { auth: AuthClient; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [realtime, setRealtime] = useState<Realtime | null>(null);

  useEffect(() => {
    const rt = createRealtime({ getToken: () => auth.token(), refresh: () => auth.refresh() });
    const stopResync = rt.onResync(() => void queryClient.invalidateQueries());
    setRealtime(rt);
    return () => {
      stopResync();
      rt.close();
    };
  }, [auth, queryClient]);

  return <RealtimeContext.Provider value={realtime}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): Realtime | null {
  return useContext(RealtimeContext);
}

const noop = () => () => undefined;

export function useConnectionStatus(): ConnectionStatus {
  const rt = useRealtime();
  return useSyncExternalStore(rt?.subscribe ?? noop, () => rt?.getStatus() ?? 'connecting');
}

/** Listens to one server event for the component's lifetime; the latest handler is always used. */
export function useSocketEvent<E extends ServerEventName>(event: E, handler: ServerToClientEvents[E]): void {
  const rt = useRealtime();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!rt) return;
    const listener = ((...args: unknown[]) => (latest.current as (...a: unknown[]) => void)(...args)) as never;
    rt.live.on(event, listener);
    return () => {
      rt.live.off(event, listener);
    };
  }, [rt, event]);
}
