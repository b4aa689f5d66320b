/**
 * `npm run db:migrate` (+ `-- --seed`): migrations (and the demo seed on an empty database)
 * without starting the app. Uses DATABASE_URL, or the embedded PostgreSQL in DATA_DIR like `npm start`.
 */
import { loadEnv } from '../config/env';
import { prepareDatabase } from './prepare-database';

async function main(): Promise<void> {
  const env = loadEnv();
  const db = await prepareDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    port: env.EMBEDDED_PG_PORT,
    seed: process.argv.includes('--seed'),
    log: (m) => console.log(m),
  });
  await db.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
