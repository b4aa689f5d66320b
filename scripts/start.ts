/**
 * `npm start`: the whole Brigade stack in one process tree, on embedded defaults.
 * PostgreSQL (DATABASE_URL or embedded) → migrations + demo seed → Temporal (TEMPORAL_ADDRESS or a
 * dev server) → worker + API (+ built web app). Ctrl-C stops everything; data stays in .data/.
 * Logs are JSON lines on stdout (config/logger.ts, level LOG_LEVEL); the URL summary printed
 * once the API listens is the one plain-text block, for the person who ran it.
 */
import path from 'node:path';
import { env as loadEnv } from '../config/env';
import { componentLogger, lineLogger } from '../config/logger';
import { prepareDatabase } from './prepare-database';
import { createPrisma } from '../db/client';
import { DEMO_LOGINS } from '../prisma/seed/demo-logins';
import { startTemporalDevServer } from '../temporal/dev-server';
import { assertTemporalNamespace, connectTemporal } from '../temporal/connection';
import { startKitchenWorker } from '../worker/run-worker';
import { startApiServer } from '../api/server';
import { ensureWebBuild } from './web-build';
import { redriveStuckOrders } from '../core/orders/start-kitchen';
import { connectDemoSandbox } from '../sandbox-platform/connect-demo';

const log = lineLogger('brigade');
const brigadeLog = componentLogger('brigade');

async function main() {
  const t0 = Date.now();
  const env = loadEnv();
  const stops: Array<[string, () => Promise<void>]> = [];
  let stopping = false;
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    for (const [name, stop] of stops.reverse()) {
      const t = Date.now();
      await stop().catch((err) => brigadeLog.error({ err }, `stopping ${name} failed`));
      log(`${name} stopped (${Date.now() - t} ms)`);
    }
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const db = await prepareDatabase({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.DATA_DIR,
      port: env.EMBEDDED_PG_PORT,
      seed: env.SEED_DEMO,
      log,
    });
    stops.push(['PostgreSQL', db.stop]);

    let temporalAddress = env.TEMPORAL_ADDRESS;
    let temporalUi: string | null = null;
    if (!temporalAddress) {
      const server = await startTemporalDevServer({
        dbFile: path.join(env.DATA_DIR, 'temporal.sqlite'),
        port: env.TEMPORAL_DEV_PORT,
        uiPort: env.TEMPORAL_UI_PORT,
        namespace: env.TEMPORAL_NAMESPACE,
        log,
      });
      stops.push(['Temporal dev server', server.stop]);
      temporalAddress = server.address;
      temporalUi = server.uiUrl;
    } else {
      log(`Temporal: using TEMPORAL_ADDRESS=${temporalAddress}`);
    }

    const prisma = createPrisma(db.url);
    stops.push(['database pool', () => prisma.$disconnect()]);
    const temporal = await connectTemporal({ address: temporalAddress, namespace: env.TEMPORAL_NAMESPACE });
    stops.push(['Temporal client', () => temporal.connection.close()]);
    await assertTemporalNamespace(temporal.connection, env.TEMPORAL_NAMESPACE, temporalAddress);

    if (env.BRIGADE_ROLE !== 'api') {
      const worker = await startKitchenWorker({ env, prisma, databaseUrl: db.url, address: temporalAddress, log });
      stops.push(['worker', worker.stop]);
    }
    if (env.BRIGADE_ROLE !== 'worker') {
      // --no-web-build: an API node that must not spend a minute in vite (the scale test's); it
      // serves web/dist as it is, or the "not built" page.
      const webDist = process.argv.includes('--no-web-build') ? undefined : await ensureWebBuild({ root: env.ROOT, log });
      const api = await startApiServer({
        prisma,
        env: { ...env, DATABASE_URL: db.url },
        temporal: { client: temporal.client, namespace: env.TEMPORAL_NAMESPACE },
        port: env.PORT,
        webDist,
      });
      stops.push(['API server', api.close]);
      // An order stored while Temporal was unreachable is re-driven (the workflow start is idempotent).
      const kitchen = { client: temporal.client, taskQueue: env.TEMPORAL_TASK_QUEUE };
      const redrive = () =>
        redriveStuckOrders({ prisma, kitchen })
          .then((n) => n > 0 && log(`re-drove ${n} order(s) whose workflow had not started`))
          .catch((err) => brigadeLog.error({ err }, 're-drive failed'));
      void redrive();
      const timer = setInterval(() => void redrive(), 60_000);
      timer.unref();
      stops.push(['order re-drive', async () => clearInterval(timer)]);
      if (process.argv.includes('--with-sandbox-platform')) {
        // A local marketplace sending orders to the demo tenant (sandbox-platform/connect-demo.ts).
        const sandbox = await connectDemoSandbox({ prisma, kitchen, apiUrl: api.url, tenantSlug: DEMO_LOGINS[0].tenant, log });
        stops.push(['sandbox platform', sandbox.stop]);
      }
      printSummary({ apiUrl: api.url, temporalAddress, temporalUi, dbUrl: db.url, embedded: db.embedded });
    }
    log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s — Ctrl-C to stop`);
  } catch (err) {
    brigadeLog.fatal({ err }, 'startup failed');
    await shutdown(1);
  }
}

function printSummary(s: { apiUrl: string; temporalAddress: string; temporalUi: string | null; dbUrl: string; embedded: boolean }) {
  const redacted = s.dbUrl.replace(/\/\/([^:]+):[^@]+@/, '//$1:***@');
  const lines = [
    '',
    `  Web app          ${s.apiUrl}/`,
    `  GraphQL (+IDE)   ${s.apiUrl}/graphql`,
    `  Health           ${s.apiUrl}/healthz`,
    `  Socket.io        ${s.apiUrl} (JWT in handshake auth.token)`,
    `  Temporal         ${s.temporalAddress}${s.temporalUi ? `   Web UI ${s.temporalUi}` : ''}`,
    `  PostgreSQL       ${redacted}${s.embedded ? ' (embedded, data in .data/postgres)' : ''}`,
    '',
    '  Demo logins (password demo1234):',
    ...DEMO_LOGINS.map((l) => `    tenant ${l.tenant.padEnd(6)} ${l.email.padEnd(22)} ${l.role}`),
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch((err) => {
  brigadeLog.fatal({ err }, 'crashed');
  process.exit(1);
});
