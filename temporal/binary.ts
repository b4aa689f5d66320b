import { constants as fsConstants, promises as fs } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { env } from '../config/env';
import { lineLogger } from '../config/logger';
import { goBinDir, goInstall } from './go-install';

/**
 * The one pinned CLI version. v1.6+ carries a `replace` directive in go.mod, which
 * `go install pkg@version` refuses; v1.5.1 has none (and needs Go >= 1.25).
 */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';
/**
 * Same link flags as the official release: strip symbols (~250 MB → smaller) and stamp the
 * version, which otherwise reads "0.0.0-DEV" in `temporal --version` and the server banner.
 */
const GO_INSTALL_FLAGS = [`-ldflags=-s -w -X github.com/temporalio/cli/temporalcli.Version=${TEMPORAL_CLI_VERSION.replace(/^v/, '')}`];

export type TemporalBinarySource = 'TEMPORAL_CLI_PATH' | 'PATH' | 'cache' | 'go-install' | 'sdk-download';

/** For 'sdk-download' `path` is empty: the SDK fetches the server itself when it starts it. */
export type ResolvedTemporalBinary = { path: string; source: TemporalBinarySource };

export type ResolveTemporalBinaryOptions = {
  /** Defaults come from config/env; tests pass their own. '' means not set, as an empty variable does. */
  cliPath?: string;
  dataDir?: string;
  /** The PATH to search; defaults to process.env.PATH. */
  searchPath?: string;
  /** The `go` command; a machine without Go is simulated by naming one that does not exist. */
  goCommand?: string;
  allowGoInstall?: boolean;
  /** ensure-temporal turns this off: CI must end with a real binary on disk. */
  allowSdkDownload?: boolean;
  log?: (message: string) => void;
};

export const BINARY_NAME = process.platform === 'win32' ? 'temporal.exe' : 'temporal';

export async function resolveTemporalBinary(opts: ResolveTemporalBinaryOptions = {}): Promise<ResolvedTemporalBinary> {
  const log = opts.log ?? lineLogger('temporal');
  const config = opts.cliPath === undefined || opts.dataDir === undefined ? env() : undefined;
  const cliPath = opts.cliPath ?? config?.TEMPORAL_CLI_PATH;
  const dataDir = opts.dataDir ?? config!.DATA_DIR;
  const goCommand = opts.goCommand ?? 'go';
  const tried: string[] = [];
  const found = (p: string, source: TemporalBinarySource) => {
    log(`[temporal] using ${p} (source: ${source})`);
    return { path: p, source };
  };

  // An explicit setting that is wrong must fail loudly rather than silently pick another binary.
  if (cliPath) {
    const problem = await notExecutable(cliPath);
    if (problem) throw new Error(`TEMPORAL_CLI_PATH=${cliPath} is unusable: ${problem}`);
    return found(path.resolve(cliPath), 'TEMPORAL_CLI_PATH');
  }
  tried.push('TEMPORAL_CLI_PATH: not set');

  const onPath = await findOnPath(opts.searchPath ?? process.env.PATH ?? '');
  if (onPath) return found(onPath, 'PATH');
  tried.push(`PATH: no executable "${BINARY_NAME}"`);

  const goBin = await goBinDir(goCommand);
  if (typeof goBin !== 'string') tried.push(`cache $(go env GOPATH)/bin: ${goBin.error}`);
  const cacheDirs = [...(typeof goBin === 'string' ? [goBin] : []), path.join(dataDir, 'bin')];
  for (const dir of cacheDirs) {
    const candidate = path.join(dir, BINARY_NAME);
    const problem = await notExecutable(candidate);
    if (!problem) return found(candidate, 'cache');
    tried.push(`cache ${candidate}: ${problem}`);
  }

  if (opts.allowGoInstall === false) tried.push('go install: disabled by caller');
  else if (typeof goBin !== 'string') tried.push(`go install: ${goBin.error}`);
  else {
    const target = `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`;
    const installed = await goInstall({ goCommand, goBin, target, flags: GO_INSTALL_FLAGS, binaryName: BINARY_NAME, log });
    if (installed.ok) return found(installed.path, 'go-install');
    tried.push(`go install: ${installed.error}`);
  }

  if (opts.allowSdkDownload === false) tried.push('sdk-download: disabled by caller');
  else {
    // The SDK only fails once the server is started; probing first keeps the error here, in one list.
    const unreachable = await probeDownloadHost();
    if (!unreachable) return found('', 'sdk-download');
    tried.push(`sdk-download: https://temporal.download unreachable (${unreachable})`);
  }

  throw new Error(
    `No Temporal CLI found. Tried, in order:\n${tried.map((t) => `  - ${t}`).join('\n')}\n` +
      `Fix: set TEMPORAL_CLI_PATH, or install Go >= 1.25 and run \`npx tsx scripts/ensure-temporal.ts\`.`,
  );
}

/** Returns why `file` cannot be run, or null when it can. */
export async function notExecutable(file: string): Promise<string | null> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return 'not a file';
    await fs.access(file, fsConstants.X_OK);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'not executable' : String(err);
  }
}

async function findOnPath(searchPath: string): Promise<string | null> {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, BINARY_NAME);
    if (!(await notExecutable(candidate))) return candidate;
  }
  return null;
}

/** Resolves to null when the SDK's download host answers, else to the reason it does not. */
function probeDownloadHost(timeoutMs = 3000): Promise<string | null> {
  return new Promise((resolve) => {
    const req = https.request('https://temporal.download/', { method: 'HEAD', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(null);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err) => resolve((err as NodeJS.ErrnoException).code ?? err.message));
    req.end();
  });
}
