import { z } from 'zod';
import { createPrisma } from '../../db/client';
import { signAccessToken } from '../../core/auth/tokens';
import { AppError } from '../../contracts/errors';
import { fromZodError } from '../../core/errors';
import { onlyError, startTestApi, type TestApi } from '../../test/support/graphql-client';
import { captureLogs } from '../../test/support/log-capture';

/**
 * Unexpected failures must not leak internals. The database server here is real but the database
 * does not exist: a real failure, not a fake (an unreachable server answers UNAVAILABLE instead).
 */
const missingDatabase = new URL(process.env.DATABASE_URL!);
missingDatabase.pathname = '/nowhere';
const unreachable = createPrisma(missingDatabase.toString(), { max: 1 });
let api: TestApi;
const logs = captureLogs('info');

beforeAll(async () => {
  api = await startTestApi(unreachable, {}, { logger: logs.logger.child({ component: 'graphql' }) });
});
afterAll(async () => {
  await api?.close();
  await unreachable.$disconnect();
});

it('masks an unexpected error as INTERNAL_SERVER_ERROR and logs it server-side', async () => {
  const token = signAccessToken(
    { userId: '00000000-0000-4000-8000-000000000001', tenantId: '00000000-0000-4000-8000-000000000002', tenantSlug: 'x', role: 'OWNER', name: 'x' },
    api.env.JWT_SECRET,
    '5m',
  );
  const res = await api.gql('{ stations { id } }', {}, token);
  const err = onlyError(res);
  expect(err.message).toBe('Unexpected error.');
  expect(err.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  expect(JSON.stringify(res)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1:1|prisma/i);
  // Server-side, the log has what the client must not see: the original error and where it failed.
  const errors = logs.lines.filter((l) => l.level === 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ component: 'graphql', path: 'stations', err: { code: 'P1003' }, reqId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  expect(errors[0].err.message).toMatch(/Database `nowhere` does not exist/);
});

it('lets AppErrors through with their code and details', async () => {
  logs.lines.length = 0;
  const res = await api.gql('mutation { login(tenant: "", email: "a", password: "b") { accessToken } }');
  expect(onlyError(res)).toMatchObject({
    message: 'Invalid input: tenant: Too small: expected string to have >=1 characters',
    extensions: { code: 'BAD_USER_INPUT' },
  });
  expect(onlyError(res).extensions?.fieldErrors).toEqual([{ path: 'tenant', message: expect.any(String) }]);
  // A refused input is the caller's mistake, not a server failure: nothing is logged as an error.
  expect(logs.lines.filter((l) => l.level === 'error')).toEqual([]);
});

it('turns a zod failure into BAD_USER_INPUT with every field path in the message and extensions', () => {
  const schema = z.object({ name: z.string().min(2), items: z.array(z.object({ qty: z.number().positive() })) });
  const parsed = schema.safeParse({ name: 'x', items: [{ qty: 1 }, { qty: -1 }] });
  const err = fromZodError(parsed.error!);
  expect(err).toBeInstanceOf(AppError);
  expect(err.code).toBe('BAD_USER_INPUT');
  expect(err.message).toMatch(/^Invalid input: name: .+; items\.1\.qty: .+$/);
  expect(err.details?.fieldErrors).toEqual([
    { path: 'name', message: expect.any(String) },
    { path: 'items.1.qty', message: expect.any(String) },
  ]);
});

describe('what an unexpected error shows, by NODE_ENV', () => {
  const secrets = {
    JWT_REFRESH_SECRET: 'r'.repeat(32),
    CREDENTIALS_KEY: 'k'.repeat(32),
    DATABASE_URL: 'postgresql://postgres:postgres@127.0.0.1:1/nowhere',
    TEMPORAL_ADDRESS: '127.0.0.1:1',
  };

  async function unexpectedError(NODE_ENV: 'production' | 'development') {
    const envApi = await startTestApi(unreachable, { NODE_ENV, ...secrets }, { logger: logs.logger.child({ component: 'graphql' }) });
    try {
      const token = signAccessToken(
        { userId: '00000000-0000-4000-8000-000000000001', tenantId: '00000000-0000-4000-8000-000000000002', tenantSlug: 'x', role: 'OWNER', name: 'x' },
        envApi.env.JWT_SECRET,
        '5m',
      );
      return await envApi.gql('{ stations { id } }', {}, token);
    } finally {
      await envApi.close();
    }
  }

  it('shows nothing but the code in production: no source, no paths, no SQL or driver message', async () => {
    const res = await unexpectedError('production');
    expect(onlyError(res)).toEqual({
      message: 'Unexpected error.',
      locations: expect.any(Array),
      path: ['stations'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(res)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|prisma|stack|\/work\/|\.ts:\d+/i);
  });

  it('shows the original error in development only (the same failure, to tell the two apart)', async () => {
    const res = await unexpectedError('development');
    expect(onlyError(res).extensions?.originalError).toMatchObject({ message: expect.stringMatching(/Database `nowhere` does not exist/) });
  });
});
