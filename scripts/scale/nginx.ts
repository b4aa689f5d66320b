import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startOrphanWatchdog } from '../../process/orphan-watchdog';

/** The repository's proxy config (a template, see its header), as docker-compose mounts it. */
export const NGINX_TEMPLATE = path.resolve(__dirname, '../../deploy/nginx.conf');

/**
 * deploy/nginx.conf with its `${NAME}` variables filled in, as the nginx image's envsubst does.
 * A variable the template uses and `vars` lacks is an error, not an empty string.
 */
export function renderNginxSite(vars: Record<string, string>, template = fs.readFileSync(NGINX_TEMPLATE, 'utf8')): string {
  return template.replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => {
    if (vars[name] === undefined) throw new Error(`${NGINX_TEMPLATE} needs ${name}`);
    return vars[name];
  });
}

/** The `${NAME}` variables the template uses. */
export function nginxTemplateVariables(template = fs.readFileSync(NGINX_TEMPLATE, 'utf8')): string[] {
  return [...new Set([...template.matchAll(/\$\{([A-Z_]+)\}/g)].map((m) => m[1]))];
}

/** Debian puts nginx in /usr/sbin, which a non-root PATH often lacks. */
export function findNginx(): string | null {
  for (const candidate of ['nginx', '/usr/sbin/nginx', '/usr/local/sbin/nginx']) {
    try {
      execFileSync(candidate, ['-v'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/**
 * The main config around the rendered site: everything nginx writes (pid, logs, temp files) under
 * `dir`, so it runs as any user next to other instances. As root its workers run as `nobody`,
 * hence the open temp dirs.
 */
export function nginxMainConfig(dir: string, siteFile: string): string {
  const temp = (name: string) => {
    const p = path.join(dir, 'temp', name);
    fs.mkdirSync(p, { recursive: true, mode: 0o777 });
    fs.chmodSync(p, 0o777);
    return p;
  };
  return [
    `pid ${path.join(dir, 'nginx.pid')};`,
    'worker_processes 1;',
    `error_log ${path.join(dir, 'error.log')} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    `  access_log off;`,
    `  client_body_temp_path ${temp('body')};`,
    `  proxy_temp_path ${temp('proxy')};`,
    `  fastcgi_temp_path ${temp('fastcgi')};`,
    `  uwsgi_temp_path ${temp('uwsgi')};`,
    `  scgi_temp_path ${temp('scgi')};`,
    `  include ${siteFile};`,
    '}',
    '',
  ].join('\n');
}

export interface RunningNginx {
  url: string;
  stop(): Promise<void>;
}

/** nginx in the foreground with deploy/nginx.conf in front of `apis` (host:port each), on `port`. */
export async function startNginx(opts: { dir: string; port: number; apis: string[] }): Promise<RunningNginx> {
  const bin = findNginx();
  if (!bin) throw new Error('nginx is not installed (Debian: apt-get install -y nginx; .ci/run installs it)');
  fs.mkdirSync(opts.dir, { recursive: true, mode: 0o755 });
  const site = path.join(opts.dir, 'brigade.conf');
  fs.writeFileSync(site, renderNginxSite({ BRIGADE_LISTEN: `127.0.0.1:${opts.port}`, BRIGADE_API_SERVERS: opts.apis.map((a) => `server ${a};`).join(' ') }));
  const main = path.join(opts.dir, 'nginx.conf');
  fs.writeFileSync(main, nginxMainConfig(opts.dir, site));
  const errorLog = path.join(opts.dir, 'error.log');
  // -e: the compiled-in /var/log/nginx/error.log is opened before the config is read.
  const args = ['-p', opts.dir, '-e', errorLog, '-c', main, '-g', 'daemon off;'];
  execFileSync(bin, [...args, '-t'], { stdio: 'pipe' });
  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  child.once('exit', startOrphanWatchdog('scale-nginx', child.pid!, 'TERM_THEN_KILL'));
  const url = `http://127.0.0.1:${opts.port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null)
      throw new Error(`nginx exited (${child.exitCode}): ${stderr}${fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8') : ''}`);
    const up = await fetch(`${url}/nginx-probe`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (i > 100) throw new Error('nginx did not answer within 10 s');
    await sleep(100);
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
