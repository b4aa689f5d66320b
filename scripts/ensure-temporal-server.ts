/**
 * Makes sure temporal-server and temporal-sql-tool of the pinned version exist on this machine
 * (building them with `go install` once; later runs find them cached) and prints their paths.
 * `.ci/run` calls it after ensure-temporal.ts, whose CLI build leaves most packages compiled.
 */
import { resolveTemporalServerBinaries } from '../temporal/server-binaries';
import { errorMessage } from '../contracts/errors';

async function main(): Promise<void> {
  const started = Date.now();
  const binaries = await resolveTemporalServerBinaries({ log: (message) => console.error(message) });
  console.error(`[temporal] server binaries ready in ${Math.round((Date.now() - started) / 1000)} s`);
  process.stdout.write(`${binaries.server}\n${binaries.sqlTool}\n`);
}

main().catch((err) => {
  console.error(errorMessage(err));
  process.exit(1);
});
