import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { TemporalBinarySource } from './binary';

/** A running Temporal dev server, whichever way it was started. */
export type DevServer = {
  address: string;
  uiUrl: string | null;
  stop(): Promise<void>;
  source: TemporalBinarySource;
};

type SdkDevServerOptions = {
  host: string;
  port: number;
  uiPort?: number;
  namespace: string;
  dbFile?: string;
  pragmas: string[];
  log: (message: string) => void;
};

/**
 * The last resort on machines with internet and no CLI: the SDK downloads the same CLI
 * into its temp cache and runs `start-dev` itself. Same shape as our own spawn so callers
 * do not care which path ran. (Fails without internet: resolveTemporalBinary probes first.)
 */
export async function startSdkDevServer(opts: SdkDevServerOptions): Promise<DevServer> {
  const started = Date.now();
  const testEnv = await TestWorkflowEnvironment.createLocal({
    server: {
      ip: opts.host,
      port: opts.port,
      namespace: opts.namespace,
      dbFilename: opts.dbFile,
      ui: opts.uiPort !== undefined,
      uiPort: opts.uiPort,
      log: { format: 'pretty', level: 'warn' },
      extraArgs: opts.pragmas.flatMap((p) => ['--sqlite-pragma', p]),
    },
  });
  opts.log(`[temporal] SDK-downloaded dev server ready on ${testEnv.address} in ${Date.now() - started} ms`);
  let stopping: Promise<void> | undefined;
  return {
    address: testEnv.address,
    uiUrl: opts.uiPort === undefined ? null : `http://${opts.host}:${opts.uiPort}`,
    stop: () => (stopping ??= testEnv.teardown()),
    source: 'sdk-download',
  };
}
