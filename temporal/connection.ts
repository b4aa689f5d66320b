import { Client, Connection, type ConnectionLike } from '@temporalio/client';
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
