import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Newest mtime under a folder (skips node_modules/dist) — decides whether the web build is stale. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    const m = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (m > newest) newest = m;
  }
  return newest;
}

/** Builds web/ with Vite when web/dist is missing or older than its sources; returns the dist path. */
export async function ensureWebBuild({ root, log }: { root: string; log: (m: string) => void }): Promise<string> {
  const webDir = path.join(root, 'web');
  const dist = path.join(webDir, 'dist');
  const index = path.join(dist, 'index.html');
  // The web app also imports the shared event map and the pure domain modules.
  const sources = [webDir, path.join(root, 'contracts'), path.join(root, 'domain')];
  const fresh = fs.existsSync(index) && sources.every((dir) => fs.statSync(index).mtimeMs >= newestMtime(dir));
  if (fresh) return dist;
  const t0 = Date.now();
  log('building the web app (vite build)…');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: webDir,
      stdio: 'inherit',
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))));
  });
  log(`web app built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return dist;
}
