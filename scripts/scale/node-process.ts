import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startOrphanWatchdog } from '../../process/orphan-watchdog';

const START = path.resolve(__dirname, '../start.ts');

export interface NodeProcess {
  name: string;
  pid: number;
  /** The API's own address (API nodes only). */
  url?: string;
  running(): boolean;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful: the entry point stops in order), SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/**
 * One Brigade process as docker-compose runs it: `npm start` (scripts/start.ts) with
 * BRIGADE_ROLE api or worker, here as a plain process. Its log goes to `<logDir>/<name>.log`;
 * resolves once start.ts says it is ready.
 */
export async function startNode(opts: {
  name: string;
  role: 'api' | 'worker';
  env: Record<string, string>;
  logDir: string;
  port?: number;
}): Promise<NodeProcess> {
  const logFile = path.join(opts.logDir, `${opts.name}.log`);
  const log = fs.openSync(logFile, 'a');
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env, BRIGADE_ROLE: opts.role, ...(opts.port ? { PORT: String(opts.port) } : {}) };
  // Under Jest the logger would be silent; the readiness line is read from the log.
  delete env.JEST_WORKER_ID;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', START, '--no-web-build'], { env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  // If this process dies without stopping it (a killed test run), the node goes too.
  const dismiss = startOrphanWatchdog(`scale-${opts.name}`, child.pid!, 'TERM_THEN_KILL');
  child.once('exit', dismiss);
  const running = () => child.exitCode === null && child.signalCode === null;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const started = Date.now();
  for (;;) {
    if (!running()) throw new Error(`${opts.name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${tail(logFile)}`);
    if (fs.readFileSync(logFile, 'utf8').includes('Ctrl-C to stop')) break;
    if (Date.now() - started > 180_000) {
      child.kill('SIGKILL');
      throw new Error(`${opts.name} not ready within 180 s:\n${tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name: opts.name,
    pid: child.pid!,
    url: opts.port ? `http://127.0.0.1:${opts.port}` : undefined,
    running,
    async kill() {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!running()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function tail(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-30).join('\n') : '(no log)';
}
