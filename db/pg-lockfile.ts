import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * PostgreSQL refuses to start while `postmaster.pid` names a live process. It already ignores
 * a lock whose pid is dead, but after a container or machine restart the pid is often reused by
 * an unrelated process, and then the data dir stays locked forever. We look at what the pid is
 * and only ever remove the lock, never kill anything: a live postgres on our data dir is left
 * alone (it may be another Brigade process using the same DATA_DIR).
 */
export function lockfilePath(dataDir: string): string {
  return path.join(dataDir, 'postmaster.pid');
}

export function readPostmasterPid(dataDir: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(lockfilePath(dataDir), 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie (exited, not yet reaped by its new parent) still answers kill(0).
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX]/s.test(stat);
  } catch {
    return true;
  }
}

/** true/false on Linux (/proc); undefined where we cannot tell, which callers treat as "yes". */
function isPostgresServing(pid: number, dataDir: string): boolean | undefined {
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return /postgres$/.test(args[0] ?? '') && args.includes(path.resolve(dataDir));
  } catch {
    return process.platform === 'linux' ? false : undefined;
  }
}

type Log = (message: string) => void;

/**
 * Makes the data dir startable. Waits a little when the lock belongs to a postgres that is
 * shutting down (an orphan being stopped by our watchdog after its parent was killed).
 */
export async function clearStaleLock(dataDir: string, log: Log, waitMs = 10_000): Promise<void> {
  const pid = readPostmasterPid(dataDir);
  if (pid === undefined) return;
  const deadline = Date.now() + waitMs;
  while (isProcessAlive(pid) && isPostgresServing(pid, dataDir) !== false) {
    if (Date.now() > deadline) {
      throw new Error(`PostgreSQL is already running on ${dataDir} (pid ${pid}). Stop that process or use another DATA_DIR.`);
    }
    await sleep(100);
  }
  if (!fs.existsSync(lockfilePath(dataDir))) return; // it shut down cleanly while we waited
  fs.rmSync(lockfilePath(dataDir), { force: true });
  log(`[postgres] removed stale postmaster.pid (pid ${pid} is not a postgres on this data dir)`);
}
