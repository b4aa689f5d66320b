import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActivityFailure, ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import { loadEnv } from '../config/env';
import { requireTestEnv, testPrisma } from '../test/support/db';
import type { platformStoreStatusWorkflow } from '../workflows';
import { connectTemporal } from '../temporal/connection';
import { startKitchenWorker } from './run-worker';
import { bundleWorkflows } from '../temporal/worker';

// Bundling the kitchen workflows with webpack takes seconds.
jest.setTimeout(120_000);

const prisma = testPrisma();
let dir: string;
let bundlePath: string;
let temporal: Awaited<ReturnType<typeof connectTemporal>>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brigade-workflow-bundle-'));
  bundlePath = path.join(dir, 'workflow-bundle.js');
  // What `npm run build:worker` (scripts/build-worker.ts) runs.
  await bundleWorkflows({ outFile: bundlePath });
  temporal = await connectTemporal({ address: requireTestEnv('TEMPORAL_ADDRESS'), namespace: requireTestEnv('TEMPORAL_NAMESPACE') });
});

afterAll(async () => {
  await temporal?.connection.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('the production worker started with WORKFLOW_BUNDLE runs the kitchen workflows from the prebuilt bundle', async () => {
  const taskQueue = `workflow-bundle-${randomUUID()}`;
  const env = loadEnv({
    NODE_ENV: 'test',
    TEMPORAL_NAMESPACE: requireTestEnv('TEMPORAL_NAMESPACE'),
    TEMPORAL_TASK_QUEUE: taskQueue,
    WORKFLOW_BUNDLE: bundlePath,
    LOG_LEVEL: 'error',
  });
  const logged: string[] = [];
  const worker = await startKitchenWorker({
    env,
    prisma,
    databaseUrl: requireTestEnv('DATABASE_URL'),
    address: requireTestEnv('TEMPORAL_ADDRESS'),
    log: (m) => logged.push(m),
  });
  try {
    expect(logged.join('\n')).toContain(`workflows from ${bundlePath}`);
    // The store-status workflow calls the real pushStoreStatus activity, which fails at once
    // (non-retryable) for a platform that does not exist: the failure can only come from the
    // bundled workflow having run and scheduled its activity. A bundle without the workflow would
    // fail its workflow tasks until the execution timeout instead.
    const platformId = randomUUID();
    const failure = await temporal.client.workflow
      .execute<typeof platformStoreStatusWorkflow>('platformStoreStatusWorkflow', {
        taskQueue,
        workflowId: `workflow-bundle-${platformId}`,
        args: [{ tenantId: randomUUID(), platformId }],
        workflowExecutionTimeout: '30 seconds',
      })
      .then(
        (result) => result,
        (err: unknown) => err,
      );
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const activity = (failure as WorkflowFailedError).cause;
    expect(activity).toBeInstanceOf(ActivityFailure);
    expect((activity as ActivityFailure).activityType).toBe('pushStoreStatus');
    const cause = (activity as ActivityFailure).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect((cause as ApplicationFailure).type).toBe('PLATFORM_NOT_FOUND');
  } finally {
    await worker.stop();
  }
});
