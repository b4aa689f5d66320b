import fs from 'node:fs';
import path from 'node:path';
import { ENV_KEYS, loadEnv } from './env';

describe('configuration', () => {
  it('has a development default for everything, so npm start needs no variables', () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(4000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.TEMPORAL_ADDRESS).toBeUndefined();
    expect(env.JWT_SECRET.length).toBeGreaterThanOrEqual(16);
  });

  it('names the missing variable when a production secret is not set', () => {
    expect(() => loadEnv({ NODE_ENV: 'production', JWT_REFRESH_SECRET: 'r'.repeat(20) })).toThrow(/JWT_SECRET/);
  });

  it('rejects a malformed value with the variable name', () => {
    expect(() => loadEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('documents every variable in the README configuration table', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    const undocumented = ENV_KEYS.filter((key) => !readme.includes(`\`${key}\``));
    expect(undocumented).toEqual([]);
  });
});
