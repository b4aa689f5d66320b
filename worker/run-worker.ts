import { NativeConnection, Runtime } from '@temporalio/worker';
import type { Env } from '../config/env';
import { tenantCacheLimits } from '../config/tenant-caches';
import { componentLogger } from '../config/logger';
import type { Db } from '../db/client';
import { createKitchenActivities } from '../activities';
import { createEventPublisher } from '../events/event-publisher';
import { createKitchenWorker } from '../temporal/worker';
import { runtimeLogging } from '../temporal/runtime-logger';

/**
 * Wires the kitchen worker the way production runs it: real activities over the shared Prisma
 * client, events through the cross-process Postgres emitter, workflows from `workflows/` (or from
 * the prebuilt bundle env.WORKFLOW_BUNDLE, which skips webpack at start-up).
 * Returns once the worker polls; `stop()` drains it and closes what it opened.
 */
export async function startKitchenWorker(opts: {
  env: Env;
  prisma: Db;
  databaseUrl: string;
  address: string;
  log: (m: string) => void;
}): Promise<{ stop(): Promise<void> }> {
  const t0 = Date.now();
  installQuietRuntime(opts.env.LOG_LEVEL);
  const events = createEventPublisher({ databaseUrl: opts.databaseUrl });
  const connection = await NativeConnection.connect({ address: opts.address });
  const worker = await createKitchenWorker({
    connection,
    namespace: opts.env.TEMPORAL_NAMESPACE,
    taskQueue: opts.env.TEMPORAL_TASK_QUEUE,
    activities: createKitchenActivities({ prisma: opts.prisma, events, tenantCaches: tenantCacheLimits(opts.env) }),
    workflowBundle: opts.env.WORKFLOW_BUNDLE ? { codePath: opts.env.WORKFLOW_BUNDLE } : undefined,
  });
  const running = worker.run();
  running.catch((err) => {
    componentLogger('worker').fatal({ err }, 'worker crashed');
    process.exit(1);
  });
  const workflows = opts.env.WORKFLOW_BUNDLE ? `workflows from ${opts.env.WORKFLOW_BUNDLE}` : 'workflows bundled at start-up';
  opts.log(`worker polling task queue ${opts.env.TEMPORAL_TASK_QUEUE} (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${workflows})`);
  return {
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running.catch(() => undefined);
      await events.close();
      await connection.close();
    },
  };
}

let runtimeInstalled = false;
/** The SDK's logs go to pino as component `temporal` (temporal/runtime-logger.ts). */
function installQuietRuntime(level: Env['LOG_LEVEL']) {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  // shutdownSignals: [] — the process entry (scripts/start.ts) owns Ctrl-C and stops the worker
  // in order (API first, then the worker, then Temporal and PostgreSQL).
  Runtime.install({ ...runtimeLogging(level, componentLogger('temporal')), shutdownSignals: [] });
}
