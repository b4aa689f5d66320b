/**
 * Makes sure a real `temporal` CLI exists on this machine and prints its path on stdout
 * (progress goes to stderr), so `.ci/run` can do: TEMPORAL_CLI_PATH="$(npx tsx scripts/ensure-temporal.ts)".
 * The SDK-download fallback is skipped on purpose: it only works with internet and would
 * leave nothing on disk, so CI must fail here with the list of what was tried instead.
 */
import { resolveTemporalBinary } from '../temporal/binary';
import { errorMessage } from '../contracts/errors';

async function main(): Promise<void> {
  const binary = await resolveTemporalBinary({
    allowSdkDownload: false,
    log: (message) => console.error(message),
  });
  process.stdout.write(`${binary.path}\n`);
}

main().catch((err) => {
  console.error(errorMessage(err));
  process.exit(1);
});
