import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ENV_KEYS, loadEnv } from '../config/env';
import { SQL_PLUGIN } from '../temporal/sql-schema';
import { TEMPORAL_SERVER_VERSION } from '../temporal/server-binaries';

const root = path.resolve(__dirname, '..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
const appServices = ['migrate', 'api', 'worker'];

function commandExists(cmd: string): boolean {
  try {
    execFileSync(cmd, ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('docker-compose.yml', () => {
  it('declares postgres, temporal with PostgreSQL persistence, the Temporal UI, api, worker and migrate', () => {
    for (const name of ['postgres', 'temporal', 'temporal-ui', 'migrate', 'api', 'worker', 'lb']) {
      expect(compose.services[name]).toBeDefined();
    }
    expect(compose.services.temporal.environment.DB).toMatch(/^postgres/);
    expect(compose.services.api.deploy.replicas).toBe('${API_REPLICAS:-1}');
    expect(compose.services.worker.deploy.replicas).toBe('${WORKER_REPLICAS:-1}');
  });

  it('runs the Temporal server version and SQL plugin that CI runs as plain processes', () => {
    const temporal = compose.services.temporal;
    expect(temporal.image).toBe(`temporalio/auto-setup:${TEMPORAL_SERVER_VERSION.replace(/^v/, '')}`);
    expect(temporal.environment).toMatchObject({ DB: SQL_PLUGIN, DBNAME: 'temporal', VISIBILITY_DBNAME: 'temporal_visibility' });
  });

  it('only sets environment variables that the app config knows, with values it accepts', () => {
    const known = new Set(ENV_KEYS);
    for (const service of appServices) {
      const envBlock: Record<string, string> = compose.services[service].environment;
      for (const key of Object.keys(envBlock)) expect({ service, key, known: known.has(key) }).toEqual({ service, key, known: true });
    }
    // Values as compose resolves them must pass the app's own validation in production mode.
    const resolved = Object.fromEntries(
      Object.entries(compose.services.api.environment as Record<string, string | number>).map(([k, v]) => [
        k,
        String(v)
          .replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')
          .replace(/\$\{[A-Z_]+:\?[^}]*\}/g, 'x'.repeat(32)),
      ]),
    );
    expect(() => loadEnv(resolved)).not.toThrow();
    expect(loadEnv(resolved).BRIGADE_ROLE).toBe('api');
    expect(loadEnv({ ...resolved, BRIGADE_ROLE: 'worker' }).BRIGADE_ROLE).toBe('worker');
  });

  it('is accepted by the docker compose client when one is installed', () => {
    const cli = commandExists('docker-compose') ? 'docker-compose' : null;
    if (!cli) return; // no compose client on this machine: the structural checks above still ran
    const out = execFileSync(cli, ['-f', path.join(root, 'docker-compose.yml'), 'config', '--quiet'], {
      env: { ...process.env, JWT_SECRET: 'x'.repeat(32), JWT_REFRESH_SECRET: 'y'.repeat(32), CREDENTIALS_KEY: 'z'.repeat(32) },
      encoding: 'utf8',
    });
    expect(out).toBe('');
  });
});
