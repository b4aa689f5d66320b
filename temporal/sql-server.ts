import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Connection } from '@temporalio/client';
import { google } from '@temporalio/proto';
import { guardChild, terminate } from '../process/process-guard';
import { getFreePortInRange } from './ports';
import { waitUntilServing } from './wait-until-serving';
import { resolveTemporalServerBinaries, type TemporalServerBinaries } from './server-binaries';
import { sqlServerConfig, type ServerPorts } from './sql-server-config';
import { setupTemporalSchema } from './sql-schema';

export type StartTemporalOnPostgresOptions = {
  pgHost: string;
  pgPort: number;
  pgUser: string;
  pgPassword: string;
  /** The server's --root: its generated config/development.yaml lives here. */
  dataDir: string;
  /** Registered when missing; defaults to "default". */
  namespace?: string;
  /** Defaults to temporal + temporal_visibility, the names the official images use. */
  databases?: { temporal: string; visibility: string };
  /** Frontend gRPC port; 0 or undefined → a free port. The internal services always take free ports. */
  port?: number;
  numHistoryShards?: number;
  binaries?: TemporalServerBinaries;
  log?: (message: string) => void;
  readyTimeoutMs?: number;
};

export type TemporalOnPostgres = { address: string; namespace: string; stop(): Promise<void> };

const HOST = '127.0.0.1';
const TAIL_LINES = 30;
/** How long closed workflows stay readable; the auto-setup image's default too. */
const RETENTION_SECONDS = 24 * 3600;

/**
 * A real Temporal server (the production binary, all four services in one process) persisting to
 * PostgreSQL: schema set up or updated with temporal-sql-tool, config generated for loopback
 * ports, the namespace registered. Ready means workflow calls in the namespace are served.
 */
export async function startTemporalOnPostgres(opts: StartTemporalOnPostgresOptions): Promise<TemporalOnPostgres> {
  const log = opts.log ?? (() => undefined);
  const namespace = opts.namespace ?? 'default';
  const databases = opts.databases ?? { temporal: 'temporal', visibility: 'temporal_visibility' };
  const postgres = { host: opts.pgHost, port: opts.pgPort, user: opts.pgUser, password: opts.pgPassword };
  const binaries = opts.binaries ?? (await resolveTemporalServerBinaries({ log }));
  await setupTemporalSchema({ ...postgres, sqlTool: binaries.sqlTool, databases, log });

  const ports = await freePorts(opts.port);
  const root = path.resolve(opts.dataDir);
  await fs.mkdir(path.join(root, 'config'), { recursive: true });
  const config = sqlServerConfig({ postgres, databases, ports, numHistoryShards: opts.numHistoryShards ?? 4, logLevel: 'warn' });
  // JSON is valid YAML: no YAML writer needed at run time. 0600: the file holds the database password.
  await fs.writeFile(path.join(root, 'config', 'development.yaml'), JSON.stringify(config, null, 2), { mode: 0o600 });

  const started = Date.now();
  const args = ['--root', root, '--config', 'config', '--env', 'development', '--allow-no-auth', 'start'];
  const child = spawn(binaries.server, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const unguard = guardChild(child);
  const tail: string[] = [];
  const collect = (chunk: string) => {
    tail.push(...chunk.split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - TAIL_LINES));
  };
  child.stdout.setEncoding('utf8').on('data', collect);
  child.stderr.setEncoding('utf8').on('data', collect);
  let exitReason: string | undefined;
  child.on('error', (err) => (exitReason = `spawn failed: ${err.message}`));
  let stopping: Promise<void> | undefined;
  child.on('close', (code, signal) => {
    exitReason ??= `exited with ${signal ?? `code ${code}`}`;
    // A death after start-up would otherwise only show as refused connections in the clients.
    if (ready && !stopping) log(`[temporal] server on PostgreSQL ${exitReason}; last output:\n${tail.join('\n')}`);
  });
  let ready = false;
  const stop = () => (stopping ??= terminate(child, 10_000).finally(unguard));

  const address = `${HOST}:${ports.frontend}`;
  try {
    // Registers the namespace once the frontend answers, then waits until workflow calls see it.
    await waitUntilServing({
      address,
      host: HOST,
      port: ports.frontend,
      timeoutMs: opts.readyTimeoutMs ?? 90_000,
      exitReason: () => exitReason,
      probe: (connection) => ensureNamespace(connection, namespace),
      probeDeadlineMs: 5000,
      pollMs: 200,
    });
  } catch (err) {
    await stop();
    const output = tail.length ? `\n--- last server output ---\n${tail.join('\n')}` : '';
    throw new Error(`Temporal server on PostgreSQL (${binaries.server}) did not become ready: ${(err as Error).message}${output}`, { cause: err });
  }
  ready = true;
  log(`[temporal] server on PostgreSQL ${opts.pgHost}:${opts.pgPort}/${databases.temporal} ready on ${address} in ${Date.now() - started} ms`);
  return { address, namespace, stop };
}

// The server stores each service's port in a SMALLINT (cluster_membership.rpc_port): above 32767 it fails to start.
const PORT_MIN = 20000;
const PORT_MAX = 32767;

async function freePorts(frontend: number | undefined): Promise<ServerPorts> {
  const names = ['frontendMembership', 'history', 'historyMembership', 'matching', 'matchingMembership', 'worker', 'workerMembership'] as const;
  const ports: Partial<ServerPorts> = { frontend: frontend || (await getFreePortInRange(PORT_MIN, PORT_MAX, HOST)) };
  const taken = new Set([ports.frontend]);
  for (const name of names) {
    let port: number;
    // Nothing binds until the server starts, so the same free port could come up twice.
    do port = await getFreePortInRange(PORT_MIN, PORT_MAX, HOST);
    while (taken.has(port));
    taken.add(port);
    ports[name] = port;
  }
  return ports as ServerPorts;
}

async function ensureNamespace(connection: Connection, namespace: string): Promise<void> {
  const service = connection.workflowService;
  try {
    await service.describeNamespace({ namespace });
  } catch (err) {
    // gRPC NOT_FOUND (5): a fresh store; anything else (not serving yet) is retried by the caller.
    if ((err as { code?: number }).code !== 5) throw err;
    await service.registerNamespace({ namespace, workflowExecutionRetentionPeriod: google.protobuf.Duration.fromObject({ seconds: RETENTION_SECONDS }) });
  }
  // describeNamespace reads the store, but workflow calls go through the frontend's namespace
  // cache, which remembers a miss for 1 s (measured: a start right after registering failed).
  await service.countWorkflowExecutions({ namespace });
  // After a restart the frontend answers before history and matching have joined its ring
  // ("Not enough hosts to serve the request"): ask each of them something.
  try {
    await service.describeWorkflowExecution({ namespace, execution: { workflowId: PROBE } });
  } catch (err) {
    if ((err as { code?: number }).code !== 5) throw err;
  }
  await service.describeTaskQueue({ namespace, taskQueue: { name: PROBE } });
}

/** A workflow id and task queue nobody uses: history answers NOT_FOUND for it, matching an empty queue. */
const PROBE = 'brigade-readiness-probe';
