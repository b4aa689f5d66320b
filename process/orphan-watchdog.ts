import { spawn } from 'node:child_process';

/** How an orphan is stopped: SIGINT (PostgreSQL's fast shutdown) or SIGTERM, then SIGKILL after 5 s. */
export type OrphanStop = 'INT' | 'TERM_THEN_KILL';

const STOP_SCRIPT: Record<OrphanStop, string> = {
  INT: 'kill -0 "$2" 2>/dev/null && kill -INT "$2"',
  TERM_THEN_KILL: 'if kill -0 "$2" 2>/dev/null; then kill -TERM "$2"; sleep 5; kill -KILL "$2" 2>/dev/null; fi',
};

/**
 * Stops a server we spawned if this Node process dies without stopping it (SIGKILL, crash on a
 * signal), which no exit hook sees: a detached `sh` polls both pids once a second and stops the
 * orphan, so it never keeps holding its port or data files. Returns a function that dismisses it.
 */
export function startOrphanWatchdog(name: string, childPid: number, stop: OrphanStop): () => void {
  if (process.platform === 'win32') return () => undefined;
  const script = `while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done; ${STOP_SCRIPT[stop]}`;
  const watchdog = spawn('sh', ['-c', script, name, String(process.pid), String(childPid)], { detached: true, stdio: 'ignore' });
  watchdog.on('error', () => undefined); // no `sh`: the caller's stop() and exit hook still cover normal exits
  watchdog.unref();
  return () => {
    watchdog.kill('SIGKILL');
  };
}
