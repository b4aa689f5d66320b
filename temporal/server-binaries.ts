import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { env } from '../config/env';
import { lineLogger } from '../config/logger';
import { notExecutable } from './binary';
import { goBinDir, goInstall } from './go-install';

/**
 * The one pinned Temporal server version, for the server and temporal-sql-tool alike (the tool's
 * embedded schema must match the server). v1.30+ needs a newer Go than this machine's 1.26.8;
 * v1.29.1 has no `replace` directive, so `go install pkg@version` accepts it.
 */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const SERVER_MODULE = 'go.temporal.io/server';

/** `go install` names a binary after its package directory ("server", "sql"); we keep the release names. */
const BINARIES = {
  server: { target: `${SERVER_MODULE}/cmd/server`, built: 'server', name: 'temporal-server' },
  sqlTool: { target: `${SERVER_MODULE}/cmd/tools/sql`, built: 'sql', name: 'temporal-sql-tool' },
} as const;

export type TemporalServerBinaries = { server: string; sqlTool: string };

export type ResolveServerBinariesOptions = {
  /** Defaults to config/env's DATA_DIR; its bin/ is the second cache place, as for the CLI. */
  dataDir?: string;
  /** The `go` command; a machine without Go is simulated by naming one that does not exist. */
  goCommand?: string;
  allowGoInstall?: boolean;
  log?: (message: string) => void;
};

/**
 * Finds temporal-server and temporal-sql-tool of the pinned version in the CLI's cache places
 * ($(go env GOPATH)/bin, DATA_DIR/bin), building them with `go install` when missing or stale.
 */
export async function resolveTemporalServerBinaries(opts: ResolveServerBinariesOptions = {}): Promise<TemporalServerBinaries> {
  const log = opts.log ?? lineLogger('temporal');
  const dataDir = opts.dataDir ?? env().DATA_DIR;
  const goCommand = opts.goCommand ?? 'go';
  const goBin = await goBinDir(goCommand);
  const cacheDirs = [...(typeof goBin === 'string' ? [goBin] : []), path.resolve(dataDir, 'bin')];
  const resolved: Partial<TemporalServerBinaries> = {};
  for (const key of ['server', 'sqlTool'] as const) {
    const { target, built, name } = BINARIES[key];
    const tried: string[] = typeof goBin === 'string' ? [] : [`cache $(go env GOPATH)/bin: ${goBin.error}`];
    for (const dir of cacheDirs) {
      const candidate = path.join(dir, name);
      const problem = (await notExecutable(candidate)) ?? (await wrongVersion(candidate));
      if (!problem) {
        resolved[key] = candidate;
        break;
      }
      tried.push(`cache ${candidate}: ${problem}`);
    }
    if (resolved[key]) continue;

    if (opts.allowGoInstall === false) tried.push('go install: disabled by caller');
    else if (typeof goBin !== 'string') tried.push(`go install: ${goBin.error}`);
    else {
      // A staging GOBIN inside goBin: the rename below stays on one filesystem and clobbers no other "server".
      const staging = path.join(goBin, `.temporal-server-${TEMPORAL_SERVER_VERSION}`);
      const installed = await goInstall({
        goCommand,
        goBin: staging,
        target: `${target}@${TEMPORAL_SERVER_VERSION}`,
        flags: ['-ldflags=-s -w'],
        binaryName: built,
        log,
      });
      if (installed.ok) {
        resolved[key] = path.join(goBin, name);
        await fs.rename(installed.path, resolved[key]);
        await fs.rm(staging, { recursive: true, force: true });
        continue;
      }
      tried.push(`go install: ${installed.error}`);
    }
    throw new Error(
      `No ${name} ${TEMPORAL_SERVER_VERSION} found. Tried, in order:\n${tried.map((t) => `  - ${t}`).join('\n')}\n` +
        'Fix: install Go >= 1.25 and run `npx tsx scripts/ensure-temporal-server.ts`.',
    );
  }
  log(`[temporal] server binaries ${TEMPORAL_SERVER_VERSION}: ${resolved.server}, ${resolved.sqlTool}`);
  return resolved as TemporalServerBinaries;
}

/** Both binaries print "<name> version 1.29.1"; another version would not match its schema. */
function wrongVersion(binary: string): Promise<string | null> {
  const want = TEMPORAL_SERVER_VERSION.replace(/^v/, '');
  return new Promise((resolve) => {
    execFile(binary, ['--version'], { timeout: 10_000 }, (err, stdout) => {
      if (err) resolve(`--version failed: ${err.message}`);
      else resolve(stdout.trim().endsWith(` ${want}`) ? null : `version "${stdout.trim()}", want ${want}`);
    });
  });
}
