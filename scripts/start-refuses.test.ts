import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { assertBrigadeDatabase } from '../db/brigade-database';
import { assertTemporalNamespace, connectTemporal } from '../temporal/connection';
import { createScratchDatabase, requireTestEnv } from '../test/support/db';

// An API node or worker pointed at the wrong database or Temporal namespace must refuse to start
// and say which variable is wrong, instead of migrating someone else's database or polling a
// namespace nobody serves.
jest.setTimeout(120_000);

const scratches: Array<{ drop(): Promise<void> }> = [];
afterAll(async () => {
  for (const s of scratches) await s.drop();
});

async function scratch(sql?: string): Promise<string> {
  const db = await createScratchDatabase('start_refuses');
  scratches.push(db);
  if (sql) {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  }
  return db.url;
}

/** `npm start` as an API node: its exit code and everything it printed. */
function startApiNode(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'start.ts'), '--no-web-build'], {
    env: { ...process.env, JEST_WORKER_ID: '', NODE_ENV: 'development', LOG_LEVEL: 'info', BRIGADE_ROLE: 'api', PORT: '0', SEED_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

describe('the database check', () => {
  it("accepts Brigade's database and an empty one", async () => {
    await expect(assertBrigadeDatabase(requireTestEnv('DATABASE_URL'))).resolves.toBeUndefined();
    await expect(assertBrigadeDatabase(await scratch())).resolves.toBeUndefined();
  });

  it('refuses a database with tables and no migration history, naming DATABASE_URL', async () => {
    const url = await scratch('CREATE TABLE executions (id int); CREATE TABLE shards (id int)');
    await expect(assertBrigadeDatabase(url)).rejects.toThrow(
      /^DATABASE_URL points at a database that is not Brigade's .*2 tables \(public.executions, public.shards\)/,
    );
  });

  it("refuses a database whose migration history is another application's", async () => {
    const url = await scratch(
      `CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, migration_name varchar(255) NOT NULL);
       INSERT INTO _prisma_migrations VALUES ('1', '20200101000000_someone_elses_init')`,
    );
    await expect(assertBrigadeDatabase(url)).rejects.toThrow(/^DATABASE_URL .*none of its 1 applied migrations is one of Brigade's/);
  });
});

describe('the Temporal namespace check', () => {
  it('accepts a namespace the server has and refuses one it has not, naming TEMPORAL_NAMESPACE', async () => {
    const address = requireTestEnv('TEMPORAL_ADDRESS');
    const { connection } = await connectTemporal({ address, namespace: 'default' });
    try {
      await expect(assertTemporalNamespace(connection, requireTestEnv('TEMPORAL_NAMESPACE'), address)).resolves.toBeUndefined();
      await expect(assertTemporalNamespace(connection, 'brigade-nowhere', address)).rejects.toThrow(
        `TEMPORAL_NAMESPACE "brigade-nowhere" does not exist on the Temporal server at ${address}`,
      );
    } finally {
      await connection.close();
    }
  });
});

describe('an API node started by npm start', () => {
  it('exits naming DATABASE_URL when it points at another database, and leaves that database untouched', async () => {
    const url = await scratch('CREATE TABLE executions (id int)');
    const { code, output } = await startApiNode({ DATABASE_URL: url, TEMPORAL_ADDRESS: requireTestEnv('TEMPORAL_ADDRESS') });
    expect(code).toBe(1);
    expect(output).toContain("DATABASE_URL points at a database that is not Brigade's");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'").finally(() => client.end());
    expect(rows[0].n).toBe(1);
  });

  it('exits naming TEMPORAL_NAMESPACE when the server has no such namespace', async () => {
    const { code, output } = await startApiNode({
      DATABASE_URL: requireTestEnv('DATABASE_URL'),
      TEMPORAL_ADDRESS: requireTestEnv('TEMPORAL_ADDRESS'),
      TEMPORAL_NAMESPACE: 'brigade-nowhere',
    });
    expect(code).toBe(1);
    expect(output).toContain('TEMPORAL_NAMESPACE \\"brigade-nowhere\\" does not exist');
    expect(output).not.toContain('API server');
  });
});
