import { spawn } from 'node:child_process';

/**
 * Stops our postgres if this Node process dies without calling stop() (SIGKILL, crash on a
 * signal): a detached `sh` polls both pids once a second and sends SIGINT, postgres' "fast
 * shutdown", to an orphan. Without it the orphan keeps the port and the data dir locked.
 * Returns a function that dismisses the watchdog after a clean stop.
 */
export function watchPostgres(postgresPid: number): () => void {
  if (process.platform === 'win32') return () => undefined;
  const script =
    'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done; ' +
    'kill -0 "$2" 2>/dev/null && kill -INT "$2"';
  const watchdog = spawn('sh', ['-c', script, 'postgres-watchdog', String(process.pid), String(postgresPid)], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.on('error', () => undefined); // no `sh`: stop() and the exit hook still cover normal exits
  watchdog.unref();
  return () => {
    watchdog.kill('SIGKILL');
  };
}
