import { Client, Connection, type ConnectionLike } from '@temporalio/client';
import type { Timestamp } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { errorMessage } from '../contracts/errors';

export type ConnectTemporalOptions = {
  address: string;
  namespace: string;
  /** How long the first connect may take before failing; the SDK default is 10 s. */
  connectTimeoutMs?: number;
};

/** The client side (API process, scripts). Workers use a NativeConnection instead. */
export async function connectTemporal(opts: ConnectTemporalOptions): Promise<{ connection: Connection; client: Client }> {
  const connection = await Connection.connect({ address: opts.address, connectTimeout: opts.connectTimeoutMs ?? 10_000 });
  const client = new Client({ connection, namespace: opts.namespace });
  return { connection, client };
}

/**
 * Refuses a TEMPORAL_NAMESPACE the server does not have: without it, a worker would poll and an
 * API node start workflows in a namespace nobody serves, and every order would wait forever.
 */
export async function assertTemporalNamespace(connection: ConnectionLike, namespace: string, address: string): Promise<void> {
  try {
    await connection.withDeadline(Date.now() + 10_000, () => connection.workflowService.describeNamespace({ namespace }));
  } catch (err) {
    // gRPC NOT_FOUND: the server answered, and it has no such namespace.
    if ((err as { code?: number }).code === 5) {
      throw new Error(
        `TEMPORAL_NAMESPACE "${namespace}" does not exist on the Temporal server at ${address}; register it or set TEMPORAL_NAMESPACE to one it has`,
        { cause: err },
      );
    }
    throw new Error(`TEMPORAL_NAMESPACE "${namespace}" could not be checked on ${address}: ${errorMessage(err)}`, { cause: err });
  }
}

/**
 * 'ok' when the frontend answers describeNamespace for our namespace, else the reason.
 * The deadline keeps /healthz answering while the server is gone, but the SDK's retry
 * interceptor finishes its current backoff first, so a dead server takes about
 * `deadlineMs` + 1.5 s. Deliberately no timer race: an abandoned call keeps retrying, and
 * if the connection is closed meanwhile its retry timer throws "Channel has been shut down"
 * as an uncaught exception (seen with client 1.24.0). AbortSignal does not cut it short either.
 */
export async function checkTemporalHealth(target: Client | ConnectionLike, namespace: string, deadlineMs = 2000): Promise<'ok' | string> {
  const connection = target instanceof Client ? target.connection : target;
  try {
    await connection.withDeadline(Date.now() + deadlineMs, () => connection.workflowService.describeNamespace({ namespace }));
    return 'ok';
  } catch (err) {
    return `temporal unhealthy: ${errorMessage(err)}`;
  }
}

/**
 * An idle worker re-polls when the server's long poll expires (60 s), so a live worker's pollers
 * were last seen up to ~60 s ago (measured on the dev server); 70 s leaves margin. A killed
 * worker's pollers stay listed (for minutes) with their last-seen time frozen at the kill.
 */
export const POLLER_RECENT_MS = 70_000;
/** A live worker takes a workflow task within milliseconds: one waiting longer means nobody polls (or it is overwhelmed). */
export const WORKFLOW_BACKLOG_STALE_MS = 5_000;

const { TaskQueueType, TaskQueueKind } = temporal.api.enums.v1;

/** The SDK's own converter (optionalTsToMs) is marked internal; seconds may be a Long, whose valueOf is its number. */
function millisOf(ts: Timestamp | null | undefined): number | undefined {
  return ts?.seconds == null ? undefined : Number(ts.seconds) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6);
}

/**
 * 'ok' when a worker polls `taskQueue` for both workflow and activity tasks, else why not: no
 * poller seen within POLLER_RECENT_MS, or workflow tasks waiting longer than
 * WORKFLOW_BACKLOG_STALE_MS (which a dead worker shows within seconds once work arrives, long
 * before its pollers age out).
 */
export async function checkWorkerPollers(client: Client, namespace: string, taskQueue: string, deadlineMs = 2000): Promise<'ok' | string> {
  const { connection } = client;
  const describe = (type: temporal.api.enums.v1.TaskQueueType) =>
    connection.withDeadline(Date.now() + deadlineMs, () =>
      connection.workflowService.describeTaskQueue({
        namespace,
        taskQueue: { name: taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType: type,
        reportStats: type === TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      }),
    );
  try {
    const [workflowQueue, activityQueue] = await Promise.all([
      describe(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW),
      describe(TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY),
    ]);
    const now = Date.now();
    for (const [kind, queue] of [
      ['workflow', workflowQueue],
      ['activity', activityQueue],
    ] as const) {
      const lastSeen = Math.max(...queue.pollers.map((p) => millisOf(p.lastAccessTime) ?? 0), 0);
      if (now - lastSeen > POLLER_RECENT_MS) {
        const when = lastSeen ? `last seen ${Math.round((now - lastSeen) / 1000)} s ago` : 'none seen';
        return `no worker polling ${kind} tasks on ${taskQueue} (${when})`;
      }
    }
    const age = workflowQueue.stats?.approximateBacklogAge;
    const backlogMs = millisOf(age) ?? 0;
    if (backlogMs > WORKFLOW_BACKLOG_STALE_MS) {
      return `workflow tasks on ${taskQueue} waiting ${Math.round(backlogMs / 1000)} s for a worker`;
    }
    return 'ok';
  } catch (err) {
    return `worker check failed: ${errorMessage(err)}`;
  }
}
