import { captureLogs } from '../test/support/log-capture';
import { runtimeLogging, sdkLogger } from './runtime-logger';

describe('runtimeLogging', () => {
  it('writes SDK log entries to pino with their metadata as fields and errors serialized', () => {
    const { logger, lines } = captureLogs('debug');
    const sdk = runtimeLogging('info', logger.child({ component: 'temporal' })).logger!;
    sdk.info('Workflow bundle created', { sdkComponent: 'worker' });
    sdk.warn('Activity failed', { sdkComponent: 'activity', activityType: 'enqueueTask', error: new Error('db down') });
    sdk.error('Worker failed', { sdkComponent: 'worker' });
    // INFO is below the SDK threshold at LOG_LEVEL=info (the bundler logs every module at INFO).
    expect(lines.map((l) => l.msg)).toEqual(['Activity failed', 'Worker failed']);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      component: 'temporal',
      sdkComponent: 'activity',
      activityType: 'enqueueTask',
      error: { type: 'Error', message: 'db down' },
    });
    expect(Date.parse(lines[0].sdkTime)).toBeGreaterThan(Date.now() - 60_000);
    expect(lines[1].level).toBe('error');
  });

  it('lets the SDK log at INFO and DEBUG only with LOG_LEVEL=debug, and only errors with LOG_LEVEL=error', () => {
    const debug = captureLogs('debug');
    runtimeLogging('debug', debug.logger).logger!.debug('polling');
    expect(debug.lines).toMatchObject([{ level: 'debug', msg: 'polling' }]);

    const error = captureLogs('debug');
    const sdk = runtimeLogging('error', error.logger).logger!;
    sdk.warn('Activity failed');
    sdk.error('Worker failed');
    expect(error.lines.map((l) => l.msg)).toEqual(['Worker failed']);
    // The workflow bundler follows the root logger's level, silent in tests.
    expect(sdkLogger('silent', error.logger).level).toBe('ERROR');
  });

  it('forwards Core (Rust) logs to the same logger, at WARN and above', () => {
    expect(runtimeLogging('debug', captureLogs().logger).telemetryOptions).toEqual({ logging: { forward: {}, filter: { core: 'WARN' } } });
    expect(runtimeLogging('error', captureLogs().logger).telemetryOptions).toEqual({ logging: { forward: {}, filter: { core: 'ERROR' } } });
  });
});
