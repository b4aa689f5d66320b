import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflows } from '../../temporal/worker';

/**
 * Test-only: real kitchen workers in processes of their own (worker-process.ts under tsx), so a
 * test can SIGKILL one mid-work and start another. The workflows are bundled once, so a restart
 * takes no webpack. `stopAll()` kills what is still running and removes the bundle.
 */
export interface WorkerProcesses {
  /** Resolves once the new worker polls `taskQueue`. */
  start(taskQueue: string): Promise<ChildProcess>;
  /** SIGKILL, resolved once the process is gone. */
  kill(child: ChildProcess): Promise<void>;
  stopAll(): Promise<void>;
}

export async function workerProcesses(): Promise<WorkerProcesses> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brigade-workers-'));
  const bundlePath = path.join(dir, 'workflow-bundle.js');
  await bundleWorkflows({ outFile: bundlePath });
  const children: ChildProcess[] = [];
  const running = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;

  const kill = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (!running(child)) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });

  const start = (taskQueue: string) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'worker-process.ts')], {
      env: { ...process.env, KITCHEN_TASK_QUEUE: taskQueue, WORKFLOW_BUNDLE: bundlePath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    return new Promise<ChildProcess>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('worker-ready')) resolve(child);
      });
      child.on('exit', (code, signal) => reject(new Error(`worker process exited (${signal ?? code}) before it was ready:\n${stderr}`)));
    });
  };

  const stopAll = async () => {
    await Promise.all(children.map(kill));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { start, kill, stopAll };
}
