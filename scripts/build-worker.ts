/**
 * `npm run build:worker [-- <outFile>]`: bundles workflows/ with webpack once, into
 * dist/workflow-bundle.js by default. A worker started with WORKFLOW_BUNDLE=<that file> loads it
 * instead of bundling at start-up (the Docker image does this). Rebuild whenever workflows/ changes.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { bundleWorkflows } from '../temporal/worker';

async function main(): Promise<void> {
  const outFile = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist', 'workflow-bundle.js'));
  const t0 = performance.now();
  await bundleWorkflows({ outFile });
  const { size } = await fs.stat(outFile);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`[build:worker] ${path.relative(process.cwd(), outFile)}: ${(size / 1e6).toFixed(2)} MB in ${seconds} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
