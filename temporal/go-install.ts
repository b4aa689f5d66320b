import { execFile, spawn } from 'node:child_process';
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';

/** `$(go env GOPATH)/bin`: where `go install` puts binaries, so an earlier build survives there. */
export function goBinDir(goCommand: string): Promise<string | { error: string }> {
  return new Promise((resolve) => {
    execFile(goCommand, ['env', 'GOPATH'], { timeout: 30_000 }, (err, stdout) => {
      if (err) {
        const code = (err as NodeJS.ErrnoException).code;
        resolve({ error: code === 'ENOENT' ? `"${goCommand}" not found` : `go env GOPATH failed: ${err.message}` });
        return;
      }
      // GOPATH may be a list; go install uses the first entry.
      const first = stdout.trim().split(path.delimiter)[0];
      resolve(first ? path.join(first, 'bin') : { error: 'go env GOPATH is empty' });
    });
  });
}

type GoInstallOptions = {
  goCommand: string;
  goBin: string;
  /** module/cmd@version */
  target: string;
  /** Extra `go install` flags, e.g. the -ldflags that stamp the version. */
  flags?: string[];
  binaryName: string;
  log: (message: string) => void;
};

export async function goInstall(opts: GoInstallOptions): Promise<{ ok: true; path: string } | { ok: false; error: string }> {
  const { goCommand, goBin, target, binaryName, log, flags = [] } = opts;
  log(`[temporal] building ${target} with go install into ${goBin}; this takes several minutes and a few GiB of RAM`);
  const started = Date.now();
  // Only the tail matters for the error message; a full build log would be megabytes.
  const stderrTail: string[] = [];
  const code = await new Promise<number | string>((resolve) => {
    const child = spawn(goCommand, ['install', ...flags, target], {
      // CGO off like the official release (its SQLite is pure Go): no C compiler needed.
      env: { ...process.env, GOBIN: goBin, CGO_ENABLED: '0' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderrTail.push(...chunk.split('\n').filter(Boolean));
      stderrTail.splice(0, Math.max(0, stderrTail.length - 20));
    });
    child.on('error', (err) => resolve(err.message));
    child.on('close', (exitCode, signal) => resolve(exitCode ?? `killed by ${signal}`));
  });
  const binary = path.join(goBin, binaryName);
  const built = await fs.access(binary, fsConstants.X_OK).then(
    () => true,
    () => false,
  );
  if (code === 0 && built) {
    log(`[temporal] go install finished in ${Math.round((Date.now() - started) / 1000)} s`);
    return { ok: true, path: binary };
  }
  return { ok: false, error: `exit ${code}: ${stderrTail.slice(-8).join(' | ') || 'no output'}` };
}
