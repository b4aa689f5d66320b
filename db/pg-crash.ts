import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { isProcessAlive, readPostmasterPid } from './pg-lockfile';

/**
 * SIGKILLs the PostgreSQL running on `dataDir`, the postmaster and its backends at once, as a
 * crash or the OOM killer would (the scale test and the restart tests; never used in production).
 * Stopped first, so it forks no backend after the list is read: one left out would outlive it,
 * attached to the shared memory, and PostgreSQL refuses to restart until it exits.
 */
export async function crashPostgres(dataDir: string): Promise<void> {
  const pid = readPostmasterPid(dataDir);
  if (!pid) throw new Error('no postmaster.pid');
  signal(pid, 'SIGSTOP');
  await waitFor(() => !isProcessAlive(pid) || isStopped(pid), 5_000);
  const all = [...childPids(pid), pid];
  for (const p of all) signal(p, 'SIGKILL');
  const gone = await waitFor(() => !all.some(isProcessAlive), 15_000);
  if (!gone) throw new Error(`PostgreSQL processes still alive 15 s after SIGKILL: ${all.filter(isProcessAlive).join(', ')}`);
}

async function waitFor(done: () => boolean, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) if (done()) return true;
  return done();
}

/** State T in /proc/<pid>/stat: the SIGSTOP has taken effect. */
function isStopped(pid: number): boolean {
  try {
    return /^\d+ \(.*\) T/s.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** A backend may exit between `ps` and the kill (ESRCH): it is gone either way. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter((n) => n > 0);
  } catch {
    return []; // no children left
  }
}
