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
  const logger = sdkLogger(level, log);
  return {
    logger,
    telemetryOptions: { logging: { forward: {}, filter: { core: logger.level === 'ERROR' ? 'ERROR' : 'WARN' } } },
  };
}

/** An SDK `Logger` on pino with the thresholds above (also for bundleWorkflowCode, which has its own). */
export function sdkLogger(level: string, log: Logger): DefaultLogger {
  const sdkLevel: LogLevel = level === 'debug' || level === 'trace' ? 'DEBUG' : level === 'info' || level === 'warn' ? 'WARN' : 'ERROR';
  return new DefaultLogger(sdkLevel, (entry) => writeEntry(log, entry));
}

/** The SDK's own timestamp is kept as `sdkTime`: forwarded Core logs reach us up to 100 ms late. */
function writeEntry(log: Logger, entry: LogEntry): void {
  const sdkTime = new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString();
  log[PINO_LEVEL[entry.level]]({ ...entry.meta, sdkTime }, entry.message);
}
