/**
 * `npm run scale:test [-- --orders N]`: Brigade as docker-compose deploys it, as plain processes
 * (scripts/scale/stack.ts), run through the scale checks (scripts/scale/checks.ts): a KDS on one
 * API node hearing the other, an API node, a worker and PostgreSQL killed mid-rush. Prints the
 * numbers and exits 1 if a check failed. `--temporal postgres` runs the production Temporal server
 * on the same PostgreSQL instead of the dev server.
 */
import { failedChecks, runScaleChecks } from './scale/checks';
import { startDevTemporal, startPostgresTemporal, startScaleStack } from './scale/stack';
import fs from 'node:fs';

/** The processes' logs outlive a failed run (the stack's temp dir does not). */
function keepLogs(dir: string): void {
  const kept = `${dir}-logs`;
  fs.cpSync(`${dir}/logs`, kept, { recursive: true });
  console.log(`logs of the API nodes and workers kept in ${kept}`);
}

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const TEMPORAL = { dev: startDevTemporal, postgres: startPostgresTemporal };

async function main(): Promise<number> {
  const log = (m: string) => console.log(`[scale ${new Date().toISOString().slice(11, 19)}] ${m}`);
  const t0 = Date.now();
  const temporal = arg('temporal', 'dev');
  if (!(temporal in TEMPORAL)) throw new Error(`--temporal ${temporal}: expected one of ${Object.keys(TEMPORAL).join(', ')}`);
  const stack = await startScaleStack({ log, startTemporal: TEMPORAL[temporal as keyof typeof TEMPORAL] });
  // Ctrl-C: the API nodes, workers, nginx, Temporal and PostgreSQL go with us.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
  log(`stack ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (logs in ${stack.dir}/logs until it stops)`);
  try {
    const report = await runScaleChecks(stack, { ordersPerPhase: Number(arg('orders', '30')), log });
    console.log(JSON.stringify(report, null, 2));
    const failed = failedChecks(report);
    for (const f of failed) console.log(`FAILED ${f}`);
    if (failed.length) keepLogs(stack.dir);
    console.log(failed.length ? `${failed.length} check(s) failed` : 'all scale checks passed');
    return failed.length ? 1 : 0;
  } catch (err) {
    keepLogs(stack.dir);
    throw err;
  } finally {
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
