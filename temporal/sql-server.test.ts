import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DefaultLogger, NativeConnection, Runtime, type WorkflowBundleOption } from '@temporalio/worker';
import { Client } from 'pg';
import { connectTemporal } from './connection';
import { resolveTemporalServerBinaries, TEMPORAL_SERVER_VERSION, type TemporalServerBinaries } from './server-binaries';
import { startTemporalOnPostgres, type TemporalOnPostgres } from './sql-server';
import { bundleWorkflows, createKitchenWorker } from './worker';
import { createGreetActivities } from '../test/fixtures/greet-activities';

// Two starts of the real server (schema setup included) and one webpack bundle; ~30 s when quiet.
jest.setTimeout(240_000);

const namespace = 'brigade-test';
// current_executions.status holds temporal.api.enums.v1.WorkflowExecutionStatus.
const RUNNING = 1;
const COMPLETED = 2;

describe('Temporal server on PostgreSQL (temporal-server + temporal-sql-tool)', () => {
  const suffix = randomUUID().slice(0, 8);
  const databases = { temporal: `temporal_${suffix}`, visibility: `temporal_visibility_${suffix}` };
  const pgUrl = new URL(process.env.DATABASE_URL!);
  const pg = { pgHost: pgUrl.hostname, pgPort: Number(pgUrl.port), pgUser: decodeURIComponent(pgUrl.username), pgPassword: decodeURIComponent(pgUrl.password) };
  let binaries: TemporalServerBinaries;
  let bundle: WorkflowBundleOption;
  let dataDir: string;
  let server: TemporalOnPostgres | undefined;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    // .ci/run builds both binaries (scripts/ensure-temporal-server.ts); a missing one fails here, naming what was tried.
    binaries = await resolveTemporalServerBinaries({ allowGoInstall: false, log: () => undefined });
    bundle = await bundleWorkflows({ workflowsPath: require.resolve('../test/fixtures/greet-workflow') });
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'brigade-temporal-pg-'));
  });

  afterAll(async () => {
    await server?.stop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  const start = async () => (server = await startTemporalOnPostgres({ ...pg, dataDir, namespace, databases, binaries }));

  async function queryTemporalDb<T>(sql: string, params: unknown[]): Promise<T[]> {
    const client = new Client({ host: pg.pgHost, port: pg.pgPort, user: pg.pgUser, password: pg.pgPassword, database: databases.temporal });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const executionStatus = async (workflowId: string) =>
    (await queryTemporalDb<{ status: number }>('SELECT status FROM current_executions WHERE workflow_id = $1', [workflowId])).map((r) => r.status);
  const historyNodes = async (workflowId: string) =>
    (
      await queryTemporalDb<{ n: string }>(
        'SELECT count(*) AS n FROM history_node h JOIN current_executions c ON h.tree_id = c.run_id WHERE c.workflow_id = $1',
        [workflowId],
      )
    ).map((r) => Number(r.n))[0];

  it('runs a workflow through a real worker, persists its history in PostgreSQL and keeps it across a restart', async () => {
    const first = await start();
    expect(first.address).toMatch(/^127\.0\.0\.1:\d+$/);
    const done = `greet-${randomUUID()}`;
    const pending = `greet-${randomUUID()}`;
    const idleQueue = `nobody-${randomUUID()}`;

    const a = await connectTemporal({ address: first.address, namespace });
    const workerConnection = await NativeConnection.connect({ address: first.address });
    const taskQueue = `test-${randomUUID()}`;
    const worker = await createKitchenWorker({
      connection: workerConnection,
      namespace,
      taskQueue,
      activities: createGreetActivities({ prefix: 'Oui chef' }),
      workflowBundle: bundle,
    });
    const result = await worker.runUntil(a.client.workflow.execute('greetWorkflow', { taskQueue, workflowId: done, args: ['pass'] }));
    await workerConnection.close();
    expect(result).toBe('Oui chef, pass!');
    // No worker polls this queue: the workflow stays RUNNING, its first task stored, until after the restart.
    await a.client.workflow.start('greetWorkflow', { taskQueue: idleQueue, workflowId: pending, args: ['grill'] });
    await a.connection.close();
    await first.stop();

    // Read while the server is down: the state is in PostgreSQL, not in the server's memory.
    expect(await executionStatus(done)).toEqual([COMPLETED]);
    expect(await executionStatus(pending)).toEqual([RUNNING]);
    // Started, workflow task, activity, completion: a completed greet has several history batches.
    expect(await historyNodes(done)).toBeGreaterThanOrEqual(3);

    const second = await start();
    const b = await connectTemporal({ address: second.address, namespace });
    try {
      expect((await b.client.workflow.getHandle(done).describe()).status.name).toBe('COMPLETED');
      expect(await b.client.workflow.getHandle(done).result()).toBe('Oui chef, pass!');
      const lateConnection = await NativeConnection.connect({ address: second.address });
      const lateWorker = await createKitchenWorker({
        connection: lateConnection,
        namespace,
        taskQueue: idleQueue,
        activities: createGreetActivities({ prefix: 'Oui chef' }),
        workflowBundle: bundle,
      });
      expect(await lateWorker.runUntil(b.client.workflow.getHandle(pending).result())).toBe('Oui chef, grill!');
      await lateConnection.close();
    } finally {
      await b.connection.close();
    }
    expect(await executionStatus(pending)).toEqual([COMPLETED]);
  });

  it('fails naming what it tried when the binaries are neither cached nor buildable', async () => {
    const empty = await fs.mkdtemp(path.join(os.tmpdir(), 'brigade-no-bin-'));
    try {
      await expect(resolveTemporalServerBinaries({ dataDir: empty, goCommand: 'no-such-go-command', log: () => undefined })).rejects.toThrow(
        new RegExp(`No temporal-server ${TEMPORAL_SERVER_VERSION} found[\\s\\S]*"no-such-go-command" not found[\\s\\S]*ensure-temporal-server`),
      );
    } finally {
      await fs.rm(empty, { recursive: true, force: true });
    }
  });
});
