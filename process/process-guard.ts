import type { ChildProcess } from 'node:child_process';
import { startOrphanWatchdog } from './orphan-watchdog';

/**
 * Keeps a spawned server from outliving this process. Two layers, because neither covers
 * everything: the 'exit' hook runs on normal exits and process.exit() but not when we are
 * SIGKILLed or die on an unhandled signal; the orphan watchdog covers those, so an orphan never
 * keeps holding port 7233 or the SQLite file.
 * Returns a function that removes both, for a clean stop.
 */
export function guardChild(child: ChildProcess): () => void {
  const onExit = () => {
    child.kill('SIGKILL');
  };
  process.once('exit', onExit);

  const dismiss = child.pid ? startOrphanWatchdog('temporal-watchdog', child.pid, 'TERM_THEN_KILL') : () => undefined;

  return () => {
    process.off('exit', onExit);
    dismiss();
  };
}

/** SIGTERM lets the server flush SQLite; SIGKILL after `graceMs` so stop() always finishes. */
export async function terminate(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)))]);
  clearTimeout(timer);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}
