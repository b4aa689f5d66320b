import { captureLogs } from '../test/support/log-capture';
import { lineLogger, logger, resolveLogLevel } from './logger';

describe('logger', () => {
  it('takes LOG_LEVEL when set, else info, or silent under Jest / NODE_ENV=test', () => {
    expect(resolveLogLevel({ LOG_LEVEL: 'debug', NODE_ENV: 'test' })).toBe('debug');
    expect(resolveLogLevel({ LOG_LEVEL: 'warn' })).toBe('warn');
    expect(resolveLogLevel({})).toBe('info');
    expect(resolveLogLevel({ NODE_ENV: 'production' })).toBe('info');
    expect(resolveLogLevel({ NODE_ENV: 'test' })).toBe('silent');
    expect(resolveLogLevel({ JEST_WORKER_ID: '1' })).toBe('silent');
    // Invalid values are loadEnv's to report; logging keeps its default meanwhile.
    expect(resolveLogLevel({ LOG_LEVEL: 'verbose' })).toBe('info');
  });

  it('is quiet in this test run unless LOG_LEVEL asks otherwise', () => {
    expect(logger.level).toBe(process.env.LOG_LEVEL || 'silent');
  });

  it('writes one JSON line per entry with the level name, component and serialized error', () => {
    const { lines, logger: root } = captureLogs('info');
    const log = root.child({ component: 'orders' });
    log.debug('not at info');
    log.info({ orderId: 'o1' }, 'placed');
    log.error({ err: new TypeError('boom') }, 'failed');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'info', component: 'orders', orderId: 'o1', msg: 'placed' });
    expect(typeof lines[0].time).toBe('string');
    expect(lines[1]).toMatchObject({ level: 'error', component: 'orders', msg: 'failed', err: { type: 'TypeError', message: 'boom' } });
    expect(lines[1].err.stack).toContain('TypeError: boom');
  });

  it('turns progress lines into info lines, a leading [tag] into their component', () => {
    const { lines, logger: root } = captureLogs('info');
    const log = lineLogger('brigade', root);
    log('database: migrations up to date in 12 ms');
    log('[temporal] dev server ready on 127.0.0.1:7233');
    log('[temporal-server] time=… level=WARN msg="x [y] z"');
    expect(lines).toMatchObject([
      { level: 'info', component: 'brigade', msg: 'database: migrations up to date in 12 ms' },
      { level: 'info', component: 'temporal', msg: 'dev server ready on 127.0.0.1:7233' },
      { level: 'info', component: 'temporal-server', msg: 'time=… level=WARN msg="x [y] z"' },
    ]);
    // LOG_LEVEL=warn keeps them out.
    const quiet = captureLogs('warn');
    lineLogger('brigade', quiet.logger)('[temporal] dev server ready');
    expect(quiet.lines).toEqual([]);
  });

  it('serializes errors the Temporal SDK passes under `error`', () => {
    const { lines, logger: root } = captureLogs('warn');
    root.warn({ error: new Error('activity failed') }, 'Activity failed');
    expect(lines[0]).toMatchObject({ level: 'warn', error: { type: 'Error', message: 'activity failed' } });
  });
});
