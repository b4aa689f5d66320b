/**
 * `npm run simulate -- --orders-per-hour N --minutes M [--seed S] [--speed X] [--url URL]`
 * Drives a RUNNING Brigade (npm start) through its public API only: an operator places random
 * orders (GraphQL), one simulated crew per station works its KDS queue (GraphQL + Socket.io
 * station rooms). Prints throughput, ETA accuracy, lateness, queue waits and event latency.
 * Time semantics and what it writes into the `demo` tenant: bench/README.md.
 */
import { ApiClient } from './sim/api-client';
import { parseSimArgs } from './sim/args';
import { waitForDrain, fetchResults } from './sim/collect';
import { StationCook, type StationInfo } from './sim/cook';
import { runArrivals } from './sim/arrivals';
import { formatReport } from './sim/print-report';
import { createRand, logNormal } from './sim/prng';
import { CANCEL_ORDER } from './sim/queries';
import { Recorder } from './sim/recorder';
import { buildReport } from './sim/report';
import { prepareSimMenu } from './sim/sim-menu';
import { connectSocket, type BrigadeClientSocket } from './sim/socket';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../contracts/errors';

const log = (m: string) => console.log(`[sim] ${m}`);
const login = (url: string, email: string) => new ApiClient(url, { tenant: 'demo', email, password: 'demo1234' });
/** Orders arrive during this share of the run; the rest lets the cooks finish. */
const ARRIVAL_SHARE = 0.6;

async function main(): Promise<void> {
  const args = parseSimArgs(process.argv.slice(2));
  const { url, speed, seed } = args;
  const runMs = args.minutes * 60_000;
  // Whatever happens, the process ends: run + setup + collecting the results.
  setTimeout(() => {
    console.error('[sim] hard time limit reached, exiting');
    process.exit(2);
  }, runMs + 180_000).unref();

  const operator = login(url, 'operator@demo.local');
  const cookApi = login(url, 'cook@demo.local');
  let manager: ApiClient | undefined;
  await Promise.all([operator.accessToken(), cookApi.accessToken()]).catch((err) => {
    throw new Error(`Cannot log in at ${url} (is \`npm start\` running there?): ${(err as Error).message}`);
  });
  const { stations } = await operator.request<{ stations: StationInfo[] }>('{ stations { id name capacity } }');
  const simMenu = await prepareSimMenu({ operator, manager: () => (manager ??= login(url, 'manager@demo.local')), speed, log });
  let menu = simMenu.items;
  const refreshMenu = async () => {
    const { menuItems } = await operator.request<{ menuItems: Array<{ id: string }> }>('{ menuItems { id } }');
    const available = new Set(menuItems.map((m) => m.id));
    const before = menu.length;
    menu = simMenu.items.filter((i) => available.has(i.id));
    if (menu.length < before) log(`menu: ${before - menu.length} dish(es) ran out, ${menu.length} left`);
  };
  await refreshMenu();

  const errors: string[] = [];
  const onError = (what: string, err: unknown) => {
    if (errors.length < 1_000) errors.push(`${what}: ${errorMessage(err)}`);
  };
  const recorder = new Recorder();
  const sockets: BrigadeClientSocket[] = [];
  const board = await connectSocket(operator);
  sockets.push(board);
  recorder.attach(board);
  const paceRand = createRand(seed ^ 0x5eed);
  const cooks: StationCook[] = [];
  const paces: string[] = [];
  for (const [i, station] of stations.entries()) {
    const socket = await connectSocket(cookApi, [station.id]);
    sockets.push(socket);
    // Slow and fast crews: a station's pace multiplies every duration there.
    const pace = Math.min(1.5, Math.max(0.7, logNormal(paceRand, 1, 0.2)));
    paces.push(`${station.name} ×${station.capacity} (pace ${pace.toFixed(2)})`);
    cooks.push(new StationCook({ api: cookApi, station, socket, rand: createRand(seed * 7919 + i + 1), pace, sigma: 0.3, recorder, pollMs: 2_000, onError }));
  }
  log(`crews: ${paces.join(', ')}`);
  log(
    `${args.ordersPerHour} orders per kitchen hour at speed ×${speed} for ${args.minutes} wall minutes (${(args.minutes * speed).toFixed(0)} kitchen minutes), seed ${seed}`,
  );

  let stopped = false;
  process.once('SIGINT', () => {
    log('interrupted: stopping and reporting what was observed');
    stopped = true;
  });
  const t0 = Date.now();
  const end = t0 + runMs;
  for (const cook of cooks) cook.begin();
  const { placed, rejected } = await runArrivals({
    operator,
    menu: () => (stopped ? [] : menu),
    refreshMenu,
    rand: createRand(seed),
    ratePerMs: (args.ordersPerHour * speed) / 3_600_000,
    speed,
    until: t0 + runMs * ARRIVAL_SHARE,
    readyBy: end - 20_000,
    maxOrders: args.maxOrders,
    recorder,
    onError,
  });
  log(`${placed.length} orders placed (${rejected} rejected); waiting for the kitchen to finish them`);
  const drained = await waitForDrain(
    operator,
    placed.map((p) => p.id),
    end,
    () => stopped,
  );
  for (const cook of cooks) cook.stopStarting();
  const wallMs = Date.now() - t0;
  log(drained ? 'every order is ready' : 'time is up: open orders are reported as open');
  await sleep(1_000); // last events in flight

  const results = await fetchResults(
    operator,
    placed.map((p) => p.id),
  );
  const capacity = new Map(stations.map((s) => [s.name, s.capacity]));
  const report = buildReport({ speed, startedAt: t0, wallMs, capacity, placed, rejected, results, recorder });
  const conflicts = cooks.reduce((s, c) => s + c.stats.conflicts, 0);
  console.log(
    formatReport(
      report,
      `Brigade simulation — ${args.ordersPerHour} orders/kitchen hour, speed ×${speed}, seed ${seed}, ${(wallMs / 60_000).toFixed(1)} wall minutes`,
    ),
  );
  console.log(
    `KDS: ${cooks.reduce((s, c) => s + c.stats.started, 0)} tasks started, ${cooks.reduce((s, c) => s + c.stats.completed, 0)} completed, ${conflicts} CONFLICT answers (slot or task taken meanwhile)`,
  );
  if (errors.length) console.log(`${errors.length} errors, first ones:\n  ${errors.slice(0, 5).join('\n  ')}`);

  // Leave the kitchen as we found it: what the run could not finish is cancelled, not left on the KDS.
  const open = results.filter((r) => r.status === 'NEW' || r.status === 'PREPARING');
  for (const r of open) await operator.request(CANCEL_ORDER, { id: r.id, reason: 'simulation ended' }).catch(() => undefined);
  if (open.length) log(`cancelled ${open.length} order(s) still open at the end`);
  await simMenu.close();
  for (const s of sockets) s.close();
  process.exit(0);
}

main().catch((err) => {
  console.error(`[sim] ${errorMessage(err)}`);
  process.exit(1);
});
