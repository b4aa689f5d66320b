import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { isProcessAlive, lockfilePath } from './pg-lockfile';
import { getFreePort } from '../temporal/ports';

// Real PostgreSQL clusters of this file's own, in temp dirs (initdb takes a few seconds each).
jest.setTimeout(120_000);

const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brigade-pg-test-'));
  fs.chmodSync(dir, 0o755); // postgres runs as its own user when we are root
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'postgres');
}

async function start(dataDir: string, extra: { lockWaitMs?: number } = {}): Promise<EmbeddedPostgres> {
  const pg = await startEmbeddedPostgres({ dataDir, port: await getFreePort(), persistent: true, ...extra });
  cleanups.push(() => pg.stop());
  return pg;
}

async function sql(url: string, text: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

function spawnAndExit(): Promise<number> {
  const child = spawn('true');
  return new Promise((resolve) => child.on('exit', () => resolve(child.pid!)));
}

describe('startEmbeddedPostgres', () => {
  let dataDir: string;

  it('keeps data across a stop and a start in a persistent data dir', async () => {
    dataDir = tempDataDir();
    const first = await start(dataDir);
    expect(first.initialised).toBe(true);
    await sql(first.url, "CREATE TABLE dishes (name text); INSERT INTO dishes VALUES ('margherita')");
    await first.stop();

    const second = await start(dataDir);
    expect(second.initialised).toBe(false);
    expect(await sql(second.url, 'SELECT name FROM dishes')).toEqual([{ name: 'margherita' }]);
    await second.stop();
  });

  it('starts despite a stale postmaster.pid whose process is gone', async () => {
    fs.writeFileSync(lockfilePath(dataDir), `${await spawnAndExit()}\n${dataDir}\n`);
    const pg = await start(dataDir);
    expect(await sql(pg.url, 'SELECT name FROM dishes')).toEqual([{ name: 'margherita' }]);
    await pg.stop();
  });

  it('starts despite a stale postmaster.pid whose pid now belongs to an unrelated process', async () => {
    // After a container restart the old pid is often reused; postgres itself refuses to start then.
    const unrelated = spawn('sleep', ['60']);
    cleanups.push(() => unrelated.kill('SIGKILL'));
    fs.writeFileSync(lockfilePath(dataDir), `${unrelated.pid}\n${dataDir}\n`);
    const pg = await start(dataDir);
    expect(await sql(pg.url, 'SELECT name FROM dishes')).toEqual([{ name: 'margherita' }]);
    expect(isProcessAlive(unrelated.pid!)).toBe(true);
    await pg.stop();
  });

  it('refuses to start a second server on a data dir that a running server holds', async () => {
    const running = await start(dataDir);
    await expect(start(dataDir, { lockWaitMs: 500 })).rejects.toThrow(/already running/);
    expect(await sql(running.url, 'SELECT count(*)::int AS n FROM dishes')).toEqual([{ n: 1 }]);
    await running.stop();
  });

  it('starts in a data dir whose parent is closed to other users (mktemp -d), as root, and says why it cannot elsewhere', async () => {
    if (process.getuid?.() !== 0) return; // only root hands the cluster to another user
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'brigade-pg-closed-')); // 0700, like `mktemp -d`
    cleanups.push(() => fs.rmSync(parent, { recursive: true, force: true }));
    expect(fs.statSync(parent).mode & 0o777).toBe(0o700);
    const pg = await start(path.join(parent, 'postgres'));
    expect(await sql(pg.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    expect(fs.statSync(parent).mode & 0o777).toBe(0o701); // search for others, no listing

    const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'brigade-pg-above-'));
    cleanups.push(() => fs.rmSync(closed, { recursive: true, force: true }));
    const deeper = path.join(closed, 'data', 'postgres');
    await expect(startEmbeddedPostgres({ dataDir: deeper, port: await getFreePort(), persistent: true })).rejects.toThrow(
      `cannot reach ${deeper}: ${closed} is closed to other users`,
    );
  });

  it('creates the brigade database and serves it on 127.0.0.1 only', async () => {
    const pg = await start(dataDir);
    expect(pg.url).toMatch(/^postgresql:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/brigade$/);
    expect(await sql(pg.url, "SELECT current_setting('listen_addresses') AS v")).toEqual([{ v: '127.0.0.1' }]);
    await pg.stop();
  });
});

describe('after the owning process is killed with SIGKILL', () => {
  let holder: ChildProcess;

  it('stops the orphaned server and starts again on the same data dir', async () => {
    const dataDir = tempDataDir();
    const port = await getFreePort();
    // `node --import tsx` runs the fixture in this very process (the tsx CLI would fork a child).
    holder = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../test/fixtures/hold-postgres.ts'), dataDir, String(port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    cleanups.push(() => holder.kill('SIGKILL'));
    const line = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: holder.stdout! }).once('line', resolve);
      holder.once('exit', (code) => reject(new Error(`fixture exited with ${code}`)));
    });
    const { postgresPid } = JSON.parse(line) as { postgresPid: number };

    holder.kill('SIGKILL');
    const pg = await start(dataDir);
    expect(await sql(pg.url, 'SELECT name FROM survivors')).toEqual([{ name: 'before the crash' }]);
    expect(isProcessAlive(postgresPid)).toBe(false);
    await pg.stop();
  });
});
