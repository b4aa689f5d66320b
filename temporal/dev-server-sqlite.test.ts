import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveTemporalBinary, type ResolvedTemporalBinary } from './binary';
import { connectTemporal } from './connection';
import { startTemporalDevServer } from './dev-server';
import type { DevServer } from './dev-server-sdk';

// Two real server starts on one SQLite file; each takes about a second, more on a busy machine.
jest.setTimeout(120_000);

const namespace = 'brigade-test';

describe('Temporal dev server with a SQLite file', () => {
  let dir: string;
  let binary: ResolvedTemporalBinary;
  const servers: DevServer[] = [];

  beforeAll(async () => {
    binary = await resolveTemporalBinary({ allowSdkDownload: false, log: () => undefined });
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'brigade-temporal-sqlite-'));
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function start(dbFile: string): Promise<DevServer> {
    const server = await startTemporalDevServer({ port: 0, namespace, dbFile, binary, log: () => undefined });
    servers.push(server);
    return server;
  }

  it('keeps a started workflow across a server restart, creating missing folders for the file', async () => {
    const dbFile = path.join(dir, 'nested', 'temporal.sqlite');
    const workflowId = `persisted-${randomUUID()}`;

    const first = await start(dbFile);
    const a = await connectTemporal({ address: first.address, namespace });
    // No worker: the workflow just has to exist and stay RUNNING in the stored history.
    await a.client.workflow.start('greetWorkflow', { taskQueue: `nobody-${randomUUID()}`, workflowId, args: ['x'] });
    await a.connection.close();
    await first.stop();

    const second = await start(dbFile);
    const b = await connectTemporal({ address: second.address, namespace });
    const description = await b.client.workflow.getHandle(workflowId).describe();
    await b.connection.close();
    expect(description.status.name).toBe('RUNNING');
  });
});
