import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ENV_KEYS, loadEnv } from '../config/env';
import { findNginx, nginxMainConfig, nginxTemplateVariables, NGINX_TEMPLATE, renderNginxSite } from '../scripts/scale/nginx';
import os from 'node:os';
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

  it("renders the repository's deploy/nginx.conf for the load balancer, with every variable it needs", () => {
    const lb = compose.services.lb;
    expect(lb.volumes).toContain('./deploy/nginx.conf:/etc/nginx/templates/default.conf.template:ro');
    expect(path.join(root, 'deploy/nginx.conf')).toBe(NGINX_TEMPLATE);
    const vars = nginxTemplateVariables();
    expect(vars.sort()).toEqual(['BRIGADE_API_SERVERS', 'BRIGADE_LISTEN']);
    const site = renderNginxSite(Object.fromEntries(Object.entries(lb.environment as Record<string, string | number>).map(([k, v]) => [k, String(v)])));
    expect(site).toContain('listen 80;');
    expect(site).toContain('server api:4000 resolve;');
  });

  it('gives nginx a config it accepts when nginx is installed (the scale test runs it)', () => {
    const nginx = findNginx();
    if (!nginx) return; // .ci/run installs it; without it the scale test says so
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brigade-nginx-t-'));
    try {
      const site = path.join(dir, 'brigade.conf');
      fs.writeFileSync(site, renderNginxSite({ BRIGADE_LISTEN: '127.0.0.1:9', BRIGADE_API_SERVERS: 'server 127.0.0.1:1; server 127.0.0.1:2;' }));
      fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxMainConfig(dir, site));
      const out = execFileSync(nginx, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf'), '-t'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(out).toBe('');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
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
