import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Keeps a spawned server from outliving this process. Two layers, because neither covers
 * everything: the 'exit' hook runs on normal exits and process.exit() but not when we are
 * SIGKILLed or die on an unhandled signal; the watchdog (a detached `sh` polling both pids
 * once a second) covers those, so an orphan never keeps holding port 7233 or the SQLite file.
 * Returns a function that removes both, for a clean stop.
 */
export function guardChild(child: ChildProcess): () => void {
  const onExit = () => {
    child.kill('SIGKILL');
  };
  process.once('exit', onExit);

  let watchdog: ChildProcess | undefined;
  if (process.platform !== 'win32' && child.pid) {
    const script =
      'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done; ' +
      'if kill -0 "$2" 2>/dev/null; then kill -TERM "$2"; sleep 5; kill -KILL "$2" 2>/dev/null; fi';
    watchdog = spawn('sh', ['-c', script, 'temporal-watchdog', String(process.pid), String(child.pid)], {
      detached: true,
      stdio: 'ignore',
    });
    watchdog.on('error', () => undefined); // no `sh`: the exit hook alone still helps
    watchdog.unref();
  }

  return () => {
    process.off('exit', onExit);
    watchdog?.kill('SIGKILL');
  };
}

/** SIGTERM lets the server flush SQLite; SIGKILL after `graceMs` so stop() always finishes. */
export async function terminate(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}
