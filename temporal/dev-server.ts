import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { lineLogger } from '../config/logger';
import { resolveTemporalBinary, type ResolvedTemporalBinary } from './binary';
import { startSdkDevServer, type DevServer } from './dev-server-sdk';
import { guardChild, terminate } from '../process/process-guard';
import { getFreePort, isPortOpen } from './ports';
import { waitUntilServing } from './wait-until-serving';

export type StartDevServerOptions = {
  /** SQLite file for persistence; undefined → in-memory (tests). */
  dbFile?: string;
  /** gRPC port; 0 → a free port. */
  port?: number;
  /** Web UI port; undefined → headless (no UI), 0 → a free port. */
  uiPort?: number;
  namespace: string;
  /** Our messages and the server's own stderr lines; defaults to info lines of the logger (config/logger.ts). */
  log?: (message: string) => void;
  /** Skips resolution when the caller already has a binary. */
  binary?: ResolvedTemporalBinary;
  readyTimeoutMs?: number;
};

const HOST = '127.0.0.1';
const TAIL_LINES = 30;

export async function startTemporalDevServer(opts: StartDevServerOptions): Promise<DevServer> {
  const log = opts.log ?? lineLogger('temporal');
  const binary = opts.binary ?? (await resolveTemporalBinary({ log }));
  const port = opts.port || (await getFreePort(HOST));
  const uiPort = opts.uiPort === undefined ? undefined : opts.uiPort || (await getFreePort(HOST));
  const pragmas = devServerPragmas(opts.dbFile);
  if (opts.dbFile) await fs.mkdir(path.dirname(path.resolve(opts.dbFile)), { recursive: true });

  if (binary.source === 'sdk-download') {
    return startSdkDevServer({ host: HOST, port, uiPort, namespace: opts.namespace, dbFile: opts.dbFile, pragmas, log });
  }

  const args = ['server', 'start-dev', '--ip', HOST, '--port', String(port), '--log-level', 'warn'];
  // The CLI always creates "default"; --namespace adds more.
  if (opts.namespace !== 'default') args.push('--namespace', opts.namespace);
  // Without --headless the CLI would also start the UI on port + 1000, which may be taken.
  args.push(...(uiPort === undefined ? ['--headless'] : ['--ui-port', String(uiPort)]));
  if (opts.dbFile) args.push('--db-filename', path.resolve(opts.dbFile));
  for (const pragma of pragmas) args.push('--sqlite-pragma', pragma);

  // Otherwise the readiness probe could answer from whatever already listens there.
  if (await isPortOpen(HOST, port)) {
    throw new Error(
      `Port ${HOST}:${port} is already in use (another Temporal dev server?). ` + 'Stop it, pick another TEMPORAL_DEV_PORT, or point TEMPORAL_ADDRESS at it.',
    );
  }
  const started = Date.now();
  const child = spawn(binary.path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const unguard = guardChild(child);
  let stopping: Promise<void> | undefined;
  const tail: string[] = [];
  const collect = (forward: boolean) => (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      tail.push(line);
      // Shutdown makes the server's internal pollers log harmless WARNs; keep them out of the log.
      if (forward && !stopping) log(`[temporal-server] ${line}`);
    }
    tail.splice(0, Math.max(0, tail.length - TAIL_LINES));
  };
  child.stdout.setEncoding('utf8').on('data', collect(false));
  child.stderr.setEncoding('utf8').on('data', collect(true));
  let exitReason: string | undefined;
  child.on('error', (err) => (exitReason = `spawn failed: ${err.message}`));
  // 'close' rather than 'exit': by then stderr is drained, so the error shows the server's last words.
  child.on('close', (code, signal) => (exitReason ??= `exited with ${signal ?? `code ${code}`}`));

  const stop = () => (stopping ??= terminate(child).finally(unguard));
  const address = `${HOST}:${port}`;
  try {
    // Ready means what callers need: the frontend answers describeNamespace for our namespace.
    await waitUntilServing({
      address,
      host: HOST,
      port,
      timeoutMs: opts.readyTimeoutMs ?? 60_000,
      exitReason: () => exitReason,
      probe: (connection) => connection.workflowService.describeNamespace({ namespace: opts.namespace }),
      probeDeadlineMs: 2000,
      pollMs: 50,
    });
  } catch (err) {
    await stop();
    const output = tail.length ? `\n--- last server output ---\n${tail.join('\n')}` : '';
    throw new Error(`Temporal dev server (${binary.path}) did not become ready: ${(err as Error).message}${output}`, { cause: err });
  }
  const where = opts.dbFile ? `SQLite ${opts.dbFile}` : 'in-memory';
  log(`[temporal] dev server ready on ${address} (${where}) in ${Date.now() - started} ms`);
  return { address, uiUrl: uiPort === undefined ? null : `http://${HOST}:${uiPort}`, stop, source: binary.source };
}

/**
 * WAL + synchronous=NORMAL keeps a persistent file safe across crashes while avoiding an
 * fsync per commit; in memory there is nothing to make durable, so sync is simply off.
 */
export function devServerPragmas(dbFile: string | undefined): string[] {
  return dbFile ? ['journal_mode=WAL', 'synchronous=NORMAL'] : ['synchronous=OFF'];
}
