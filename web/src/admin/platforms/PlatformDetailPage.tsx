import { useRealtime } from '../../realtime/RealtimeProvider';
import { PlatformDetail } from './PlatformDetail';
import './platforms.css';

/** The route: the detail screen on the session's socket (the component test passes a stand-in). */
export function PlatformDetailPage({ platformId }: { platformId: string }) {
  const socket = useRealtime()?.live ?? null;
  return <PlatformDetail platformId={platformId} socket={socket} />;
}
