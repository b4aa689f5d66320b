import { promises as fs } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, type NativeConnection, Worker, type WorkerOptions, type WorkflowBundleOption } from '@temporalio/worker';
import { componentLogger, logger } from '../config/logger';
import { sdkLogger } from './runtime-logger';

export type CreateKitchenWorkerOptions = {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  /** Built by the caller (e.g. createKitchenActivities({ prisma, events, clock })) so they get their dependencies. */
  activities: object;
  /** Source folder bundled at start-up; the default is the repo's `workflows/` folder. */
  workflowsPath?: string;
  /** A prebuilt bundle (see bundleWorkflows); production uses this to skip webpack at start-up. */
  workflowBundle?: WorkflowBundleOption;
  /** Tuning knobs (concurrency, interceptors, identity...) passed through unchanged. */
  options?: Omit<WorkerOptions, 'connection' | 'namespace' | 'taskQueue' | 'activities' | 'workflowsPath' | 'workflowBundle'>;
};

/** Resolved lazily: `workflows/index.ts` belongs to another module and may not exist when this file loads. */
export function defaultWorkflowsPath(): string {
  return require.resolve('../workflows');
}

/**
 * Modules evaluated once per worker thread instead of once per workflow. With the SDK's reusable
 * V8 context each cached workflow otherwise evaluates, and keeps, its own copy of every module of
 * the workflow code (its functions, classes and constants): about 0.05 MB of RSS per cached item
 * workflow (bench/README.md, session 12). Sharing them is safe because no module the workflows
 * import keeps state at module scope (eslint forbids it in workflows/); the SDK deep-freezes
 * what they export, and each workflow still gets its own globals and activator.
 */
export function workflowPreloadModules(workflowsPath = defaultWorkflowsPath()): string[] {
  return [workflowsPath];
}

export function createKitchenWorker(opts: CreateKitchenWorkerOptions): Promise<Worker> {
  const workflowsPath = opts.workflowsPath ?? defaultWorkflowsPath();
  const workflows: Pick<WorkerOptions, 'workflowsPath' | 'workflowBundle' | 'bundlerOptions'> = opts.workflowBundle
    ? { workflowBundle: opts.workflowBundle }
    : { workflowsPath, bundlerOptions: { preloadModules: workflowPreloadModules(workflowsPath) } };
  return Worker.create({
    // A workflow task waits this long on the sticky queue of the worker that last ran the
    // workflow before it goes to the normal queue: after a crash, KDS actions stall that long
    // (SDK default 10 s). Below the KDS tap budget (2.5 s), so with a second worker a tap on a
    // workflow of the dead one is served by the other instead of answering UNAVAILABLE (the scale
    // test: at 3 s, 5 of 102 taps after a worker kill did). A live worker picks sticky tasks in
    // milliseconds; one that is late only costs the other worker a replay.
    stickyQueueScheduleToStartTimeout: '1s',
    ...opts.options,
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: opts.activities,
    ...workflows,
  });
}

/**
 * Bundles workflow code once (webpack takes seconds) so production workers start from
 * `{ codePath }`. With `outFile` the bundle is written there and a path option is returned.
 */
export async function bundleWorkflows(opts: { workflowsPath?: string; outFile?: string } = {}): Promise<WorkflowBundleOption> {
  const workflowsPath = opts.workflowsPath ?? defaultWorkflowsPath();
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    preloadModules: workflowPreloadModules(workflowsPath),
    logger: sdkLogger(logger.level, componentLogger('temporal')),
  });
  if (!opts.outFile) return { code };
  await fs.mkdir(path.dirname(opts.outFile), { recursive: true });
  await fs.writeFile(opts.outFile, code);
  return { codePath: path.resolve(opts.outFile) };
}

/**
 * Runs the worker until it is shut down, then runs `cleanup` (close connections...).
 * No signal handlers of our own: the SDK's Runtime already turns SIGINT/SIGTERM/SIGQUIT/SIGUSR2
 * into a graceful worker.shutdown() (in-flight activities get to finish), and shutting down
 * twice would throw. A worker that crashes takes the process down so a supervisor restarts it.
 */
export function runWorkerUntilShutdown(worker: Worker, cleanup?: () => Promise<void>): Promise<void> {
  return worker
    .run()
    .then(() => cleanup?.())
    .catch((err) => {
      componentLogger('worker').fatal({ err }, 'worker crashed');
      process.exit(1);
    });
}
