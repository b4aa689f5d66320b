import jwt from 'jsonwebtoken';
import { AppError } from '../../contracts/errors';
import { parseDuration } from './duration';
import { accessTokenExpiry, signAccessToken, verifyAccessToken, type AuthClaims } from './tokens';

const secret = 'tokens-test-secret-0123456789';
const claims: AuthClaims = {
  userId: '7d0c5d6e-1111-4a7b-9c0d-2e3f4a5b6c7d',
  tenantId: '9a8b7c6d-2222-4e5f-8a9b-0c1d2e3f4a5b',
  tenantSlug: 'demo',
  role: 'MANAGER',
  name: 'Luca Conti',
};

function rejection(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

it('round-trips the claims through a signed access token', () => {
  const token = signAccessToken(claims, secret, '15m');
  expect(verifyAccessToken(token, secret)).toEqual(claims);
  const ttl = accessTokenExpiry(token).getTime() - Date.now();
  expect(ttl).toBeGreaterThan(14 * 60_000);
  expect(ttl).toBeLessThanOrEqual(15 * 60_000);
});

it('rejects an expired token as UNAUTHENTICATED "Token expired"', () => {
  const expired = jwt.sign({ tid: claims.tenantId, tsl: 'demo', role: 'MANAGER', name: 'x', exp: Math.floor(Date.now() / 1000) - 5 }, secret, {
    subject: claims.userId,
  });
  const err = rejection(() => verifyAccessToken(expired, secret));
  expect(err.code).toBe('UNAUTHENTICATED');
  expect(err.message).toBe('Token expired');
});

it('stops accepting a token it has already verified once the token expires', () => {
  jest.useFakeTimers({ now: Date.now(), doNotFake: ['nextTick', 'setImmediate'] });
  try {
    const token = signAccessToken(claims, secret, 60);
    expect(verifyAccessToken(token, secret)).toEqual(claims);
    expect(verifyAccessToken(token, secret)).toEqual(claims);
    expect(rejection(() => verifyAccessToken(token, 'another-secret-0123456789')).message).toBe('Invalid token');
    jest.setSystemTime(Date.now() + 61_000);
    expect(rejection(() => verifyAccessToken(token, secret)).message).toBe('Token expired');
  } finally {
    jest.useRealTimers();
  }
});

it('rejects a token signed with another secret, a tampered payload and garbage as "Invalid token"', () => {
  const token = signAccessToken(claims, secret, '15m');
  const [h, , s] = token.split('.');
  const forgedPayload = Buffer.from(JSON.stringify({ sub: claims.userId, tid: claims.tenantId, tsl: 'demo', role: 'OWNER', name: 'x' })).toString('base64url');
  for (const bad of [signAccessToken(claims, 'another-secret-0123456789', '15m'), `${h}.${forgedPayload}.${s}`, 'not.a.jwt', '']) {
    const err = rejection(() => verifyAccessToken(bad, secret));
    expect([err.code, err.message]).toEqual(['UNAUTHENTICATED', 'Invalid token']);
  }
});

it('refuses unsigned (alg "none") tokens and tokens with an unknown role', () => {
  const unsigned = jwt.sign({ tid: claims.tenantId, tsl: 'demo', role: 'OWNER', name: 'x' }, '', { algorithm: 'none', subject: claims.userId });
  expect(rejection(() => verifyAccessToken(unsigned, secret)).message).toBe('Invalid token');
  const godRole = jwt.sign({ tid: claims.tenantId, tsl: 'demo', role: 'GOD', name: 'x' }, secret, { subject: claims.userId });
  expect(rejection(() => verifyAccessToken(godRole, secret)).message).toBe('Invalid token');
});

it('refuses a correctly signed token that carries no expiry', () => {
  const forever = jwt.sign({ tid: claims.tenantId, tsl: 'demo', role: 'OWNER', name: 'x' }, secret, { algorithm: 'HS256', subject: claims.userId });
  expect(jwt.decode(forever)).not.toHaveProperty('exp');
  const err = rejection(() => verifyAccessToken(forever, secret));
  expect([err.code, err.message]).toEqual(['UNAUTHENTICATED', 'Invalid token']);
});

it('parses the TTL formats used in configuration', () => {
  expect(parseDuration('15m')).toBe(900_000);
  expect(parseDuration('7d')).toBe(7 * 86_400_000);
  expect(parseDuration('3600')).toBe(3_600_000);
  expect(parseDuration(60)).toBe(60_000);
  expect(() => parseDuration('soon')).toThrow('Invalid duration "soon"');
});
