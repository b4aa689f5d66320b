import { useConnectionStatus } from './RealtimeProvider';
import type { ConnectionStatus } from './socket';

const LABELS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  unauthorized: 'Sign in again for live updates',
};

/** Always visible in the header: a cook must know when the screen stopped being live. */
export function ConnectionIndicator() {
  const status = useConnectionStatus();
  return (
    <span className={`conn conn--${status}`} role="status" aria-live="polite" data-status={status}>
      <span className="conn__dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}
