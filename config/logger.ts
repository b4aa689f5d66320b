import pino, { type DestinationStream, type Logger } from 'pino';
import type { Env } from './env';

/**
 * The one server logger: JSON lines on stdout (pino), one child per component
 * (`logger.child({ component: 'realtime' })`), so a log collector can filter by it.
 * The level is LOG_LEVEL; without it `info`, or `silent` under Jest (NODE_ENV=test), so test
 * output stays readable — `LOG_LEVEL=debug npm test` shows everything.
 * Read from process.env directly rather than config/env's env(): importing a module that logs
 * must not require a complete (production) configuration.
 */
export type { Logger } from 'pino';

const LEVELS: readonly Env['LOG_LEVEL'][] = ['debug', 'info', 'warn', 'error'];

export function resolveLogLevel(source: NodeJS.ProcessEnv = process.env): Env['LOG_LEVEL'] | 'silent' {
  const wanted = source.LOG_LEVEL as Env['LOG_LEVEL'] | undefined;
  // An invalid value is reported by loadEnv at start-up; until then the default applies.
  if (wanted && LEVELS.includes(wanted)) return wanted;
  return source.NODE_ENV === 'test' || source.JEST_WORKER_ID !== undefined ? 'silent' : 'info';
}

/** The root logger's settings on another level or destination (tests capture lines this way). */
export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  const options = {
    level: opts.level ?? resolveLogLevel(),
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
    // The Temporal SDK puts errors under `error`; ours go under `err`.
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
  };
  // Synchronous stdout: lines keep their order with the start-up banner and survive process.exit().
  return pino(options, opts.destination ?? pino.destination({ dest: 1, sync: true }));
}

export const logger: Logger = createLogger();

/** `logger.child({ component })`: what the `[tag]` prefix of a console line used to say. */
export const componentLogger = (component: string): Logger => logger.child({ component });

/**
 * A `(message) => void` for the modules that report progress as text lines through a `log`
 * option (scripts/prepare-database, temporal/dev-server, temporal/binary…): each becomes an info line, and a
 * leading `[tag] ` (`[temporal] dev server ready…`) becomes its component instead of `component`.
 */
export function lineLogger(component: string, root: Logger = logger): (message: string) => void {
  const children = new Map<string, Logger>();
  const child = (name: string) => children.get(name) ?? children.set(name, root.child({ component: name })).get(name)!;
  return (message) => {
    const tagged = /^\[([\w:-]+)\] ([\s\S]*)$/.exec(message);
    if (tagged) child(tagged[1]).info(tagged[2]);
    else child(component).info(message);
  };
}
