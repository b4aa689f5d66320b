import { randomUUID } from 'node:crypto';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { resolveTemporalBinary } from './binary';
import { checkTemporalHealth, connectTemporal } from './connection';
import { startTemporalDevServer } from './dev-server';
import type { DevServer } from './dev-server-sdk';
import { createKitchenWorker } from './worker';
import { createGreetActivities } from '../test/fixtures/greet-activities';
import type { greetWorkflow } from '../test/fixtures/greet-workflow';

// Bundling the workflow with webpack and starting a real server take seconds.
jest.setTimeout(120_000);

const namespace = 'brigade-test';

describe('Temporal dev server (real CLI, in memory)', () => {
  let server: DevServer | undefined;
  let clientSide: Awaited<ReturnType<typeof connectTemporal>> | undefined;
  let workerConnection: NativeConnection | undefined;

  beforeAll(async () => {
    // The SDK logs every worker state change at INFO; only problems matter in test output.
    Runtime.install({ logger: new DefaultLogger('WARN') });
    // The SDK download needs internet; a test on this network must find a real binary.
    const binary = await resolveTemporalBinary({ allowSdkDownload: false, log: () => undefined });
    server = await startTemporalDevServer({ port: 0, namespace, binary, log: () => undefined });
    clientSide = await connectTemporal({ address: server.address, namespace });
    workerConnection = await NativeConnection.connect({ address: server.address });
  });

  afterAll(async () => {
    await workerConnection?.close();
    await clientSide?.connection.close();
    await server?.stop();
  });

  it('runs a workflow that calls an activity on a real worker', async () => {
    const taskQueue = `test-${randomUUID()}`;
    const worker = await createKitchenWorker({
      connection: workerConnection!,
      namespace,
      taskQueue,
      activities: createGreetActivities({ prefix: 'Yes chef' }),
      workflowsPath: require.resolve('../test/fixtures/greet-workflow'),
    });
    const result = await worker.runUntil(
      clientSide!.client.workflow.execute<typeof greetWorkflow>('greetWorkflow', {
        taskQueue,
        workflowId: `greet-${randomUUID()}`,
        args: ['station 3'],
      }),
    );
    expect(result).toBe('Yes chef, station 3!');
  });

  it('reports healthy while running and gives a reason once the server is stopped', async () => {
    expect(await checkTemporalHealth(clientSide!.client, namespace)).toBe('ok');
    expect(server!.address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(server!.uiUrl).toBeNull();

    await server!.stop();

    const health = await checkTemporalHealth(clientSide!.connection, namespace);
    expect(health).not.toBe('ok');
    expect(health).toMatch(/temporal unhealthy/);
  });
});
