import { DefaultLogger, type LogEntry, type LogLevel, type RuntimeOptions } from '@temporalio/worker';
import type { Env } from '../config/env';
import type { Logger } from '../config/logger';

const PINO_LEVEL = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/**
 * The Temporal SDK's runtime logging (worker lifecycle, activity failures, workflow `log` calls,
 * and Core's own logs, which otherwise go straight to stderr) on a pino logger: one line per
 * entry, its metadata (workflowId, activityType, error…) as fields.
 * The SDK logs every webpack module at INFO, so it gets INFO only with LOG_LEVEL=debug; with
 * info the start-up summary stays readable. Core logs at WARN and above only (DEBUG is per poll).
 */
export function runtimeLogging(level: Env['LOG_LEVEL'], log: Logger): Pick<RuntimeOptions, 'logger' | 'telemetryOptions'> {
  const sdkLevel: LogLevel = level === 'debug' ? 'DEBUG' : level === 'error' ? 'ERROR' : 'WARN';
  return {
    logger: new DefaultLogger(sdkLevel, (entry) => writeEntry(log, entry)),
    telemetryOptions: { logging: { forward: {}, filter: { core: sdkLevel === 'ERROR' ? 'ERROR' : 'WARN' } } },
  };
}

/** The SDK's own timestamp is kept as `sdkTime`: forwarded Core logs reach us up to 100 ms late. */
function writeEntry(log: Logger, entry: LogEntry): void {
  const sdkTime = new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString();
  log[PINO_LEVEL[entry.level]]({ ...entry.meta, sdkTime }, entry.message);
}
