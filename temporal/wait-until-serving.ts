import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { isPortOpen } from './ports';

export interface WaitUntilServingOptions {
  address: string;
  host: string;
  port: number;
  timeoutMs: number;
  /** Set once the server process has exited: waiting longer would be pointless. */
  exitReason: () => string | undefined;
  /** What "serving" means for this server: throws until it holds. */
  probe: (connection: Connection) => Promise<unknown>;
  probeDeadlineMs: number;
  pollMs: number;
}

/** Polls a starting Temporal server until `probe` passes, the process exits or the time runs out. */
export async function waitUntilServing(opts: WaitUntilServingOptions): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  let lastError = 'port not open yet';
  while (Date.now() < deadline) {
    const exited = opts.exitReason();
    if (exited) throw new Error(`server ${exited}`);
    // A raw TCP probe first: gRPC connects to a closed port spend their retry budget slowly.
    if (await isPortOpen(opts.host, opts.port)) {
      try {
        const connection = await Connection.connect({ address: opts.address, connectTimeout: 2000 });
        try {
          await connection.withDeadline(Date.now() + opts.probeDeadlineMs, () => opts.probe(connection));
          return;
        } finally {
          await connection.close();
        }
      } catch (err) {
        lastError = (err as Error).message;
      }
    }
    await sleep(opts.pollMs);
  }
  throw new Error(`timed out after ${opts.timeoutMs} ms (last error: ${lastError})`);
}
