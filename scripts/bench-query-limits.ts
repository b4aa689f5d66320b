/**
 * `npm run bench:limits`: what the GraphQL query limits (api/graphql/query-limits.ts) leave an
 * attacker, on the bench's own stack (scripts/bench/stack.ts: PostgreSQL, Temporal, the worker and
 * the API in processes of their own, loopback only), in one run:
 * 1. tenant `demo` gets ORDERS delivered orders of history (items and tasks);
 * 2. another tenant's `{ me { user { id } } }` (demo2's manager) is timed idle, then while
 *    ATTACKERS loops send the heaviest query the limits allow as demo's DELIVERY user, then idle
 *    again: its p50/p95 under attack against idle;
 * 3. the issue's attack (1,000 aliases of `orders(limit: 200) { id items { id tasks { id } } }`)
 *    is sent REFUSALS times, each time a new text (Yoga caches refusals per text): time to refusal.
 * Every phase is bounded in time and count, the run by HARD_LIMIT_MS. Results: bench/README.md.
 */
import { parse, type OperationDefinitionNode } from 'graphql';
import { operationCost } from '../api/graphql/query-cost';
import { QUERY_LIMITS } from '../api/graphql/query-limits';
import { schema } from '../api/graphql/schema';
import { writeOrderHistory } from './bench/order-history';
import { startBenchStack } from './bench/stack';
import { ApiClient, GqlError } from './sim/api-client';
import { summarizeLatencies, type LatencySummary } from './sim/stats';
import { setTimeout as sleep } from 'node:timers/promises';

const ORDERS = 600;
const ATTACKERS = 4;
const IDLE_MS = 10_000;
const ATTACK_MS = 20_000;
const MAX_ATTACK_REQUESTS = 5_000;
// About 10 requests a second: the victim stays under its own per-user limit (600 a minute).
const VICTIM_GAP_MS = 100;
const REFUSALS = 30;
const HARD_LIMIT_MS = 6 * 60_000;
const VICTIM_QUERY = '{ me { user { id } } }';
const ORDERS_PAGE = 200; // the largest page `orders` serves
const log = (m: string) => console.log(`[bench:limits] ${m}`);

const page = (i: number, limit: number, offset: number) => `p${i}: orders(limit: ${limit}, offset: ${offset}) { id items { id tasks { id } } }`;
const issueAttack = (n: number) =>
  `# attempt ${n}\n{ ${Array.from({ length: 1000 }, (_, i) => `o${i}: orders(limit: 200) { id items { id tasks { id } } }`).join(' ')} }`;

function cost(query: string): number {
  const document = parse(query);
  return operationCost(schema, document, document.definitions[0] as OperationDefinitionNode);
}

/** The issue's query shape with as many orders as the cost allows, in pages of at most 200. */
function heaviestAllowed(): { query: string; cost: number; orders: number } {
  const orders = Math.floor(QUERY_LIMITS.cost / cost(`{ ${page(0, 1, 0)} }`));
  const pages = [];
  for (let offset = 0; offset < orders; offset += ORDERS_PAGE) pages.push(page(pages.length, Math.min(ORDERS_PAGE, orders - offset), offset));
  const query = `{ ${pages.join(' ')} }`;
  return { query, cost: cost(query), orders };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

const deadline = (ms: number) => {
  const end = performance.now() + ms;
  return () => performance.now() >= end;
};

/** The victim's requests, one after another with a short gap, until `over()`. */
async function victimLoop(victim: ApiClient, over: () => boolean, max = 2_000): Promise<number[]> {
  const samples: number[] = [];
  while (!over() && samples.length < max) {
    samples.push((await timed(() => victim.request(VICTIM_QUERY))).ms);
    await sleep(VICTIM_GAP_MS);
  }
  return samples;
}

/** ATTACKERS loops of `query` for ATTACK_MS while the victim keeps asking; both sides' timings. */
async function attackPhase(attacker: ApiClient, query: string, victim: ApiClient) {
  const attack = { sent: 0, ms: [] as number[], bytes: 0, failed: 0 };
  const over = deadline(ATTACK_MS);
  const loops = Array.from({ length: ATTACKERS }, async () => {
    while (!over() && attack.sent < MAX_ATTACK_REQUESTS) {
      attack.sent++;
      const answer = await timed(() => attacker.request(query)).catch(() => null);
      if (!answer) {
        attack.failed++;
        continue;
      }
      attack.ms.push(answer.ms);
      attack.bytes = JSON.stringify(answer.value).length;
    }
  });
  const victimMs = await victimLoop(victim, over);
  await Promise.all(loops);
  return { attack, victimMs };
}

/** The issue's attack, one new text at a time: how long until the refusal, and what it said. */
async function refusalPhase(attacker: ApiClient) {
  const ms: number[] = [];
  const answers = new Set<string>();
  for (let i = 0; i < REFUSALS; i++) {
    const text = issueAttack(i);
    const refused = (err: unknown) => (err instanceof GqlError ? `${err.code}: ${err.message}` : String(err));
    const r = await timed(() => attacker.request(text).then(() => 'ANSWERED', refused));
    ms.push(r.ms);
    answers.add(r.value);
  }
  return { ms, answers: [...answers] };
}

async function main(): Promise<void> {
  setTimeout(() => {
    console.error('[bench:limits] hard time limit reached, exiting');
    process.exit(2);
  }, HARD_LIMIT_MS).unref();
  const heaviest = heaviestAllowed();
  log('starting PostgreSQL, Temporal, the worker and the API…');
  // The API keeps its default per-user limits (scripts/bench/role.ts): a real attacker meets them too.
  process.env.BENCH_KEEP_USER_LIMITS = '1';
  const stack = await startBenchStack(log);
  try {
    const history = await writeOrderHistory(stack.prisma, 'demo', ORDERS);
    log(`API ${stack.apiUrl}; tenant demo has ${history.orders} delivered orders, ${history.items} items, ${history.tasks} tasks`);
    const attacker = new ApiClient(stack.apiUrl, { tenant: 'demo', email: 'rider@demo.local', password: 'demo1234' });
    const victim = new ApiClient(stack.apiUrl, { tenant: 'demo2', email: 'manager@demo2.local', password: 'demo1234' });

    // Warm up both paths (JIT, pools, Yoga's caches); the first answer also proves the query is allowed.
    const first = await attacker.request<Record<string, unknown[]>>(heaviest.query);
    const returned = Object.values(first).reduce((n, list) => n + list.length, 0);
    for (let i = 0; i < 20; i++) await victim.request(VICTIM_QUERY);
    for (let i = 0; i < 3; i++) await attacker.request(heaviest.query);

    log(`idle: ${VICTIM_QUERY} as demo2 for ${IDLE_MS / 1000} s…`);
    const idleBefore = await victimLoop(victim, deadline(IDLE_MS));
    log(`attack: ${ATTACKERS} loops of the heaviest allowed query (cost ${heaviest.cost} of ${QUERY_LIMITS.cost}) for ${ATTACK_MS / 1000} s…`);
    const { attack, victimMs } = await attackPhase(attacker, heaviest.query, victim);
    log(`idle again for ${IDLE_MS / 1000} s…`);
    const idleAfter = await victimLoop(victim, deadline(IDLE_MS));
    log(`the issue's attack, ${REFUSALS} times…`);
    const refusals = await refusalPhase(attacker);

    const idle = summarizeLatencies([...idleBefore, ...idleAfter]);
    const attacked = summarizeLatencies(victimMs);
    const times = (a: number | null, b: number | null) => (a !== null && b ? `${(a / b).toFixed(1)}×` : 'n/a');
    console.log('');
    log(`victim: ${VICTIM_QUERY} as demo2, ms     ${'n'.padStart(5)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}`);
    log(`  idle, before the attack                ${row(summarizeLatencies(idleBefore))}`);
    log(`  under attack                           ${row(attacked)}   p50 ${times(attacked.median, idle.median)}, p95 ${times(attacked.p95, idle.p95)} idle`);
    log(`  idle, after the attack                 ${row(summarizeLatencies(idleAfter))}`);
    log(
      `attacker (demo, DELIVERY), ${ATTACKERS} loops for ${ATTACK_MS / 1000} s: ${attack.ms.length} answers, ${attack.failed} failed; the heaviest allowed query ` +
        `(${heaviest.orders} orders with items and tasks, ${returned} returned, cost ${heaviest.cost} of ${QUERY_LIMITS.cost}, ${Math.round(attack.bytes / 1024)} kB): ${row(summarizeLatencies(attack.ms))}`,
    );
    log(
      `the issue's attack (1,000 aliases, ${Math.round(issueAttack(0).length / 1024)} kB): ${refusals.answers.join(' | ')}; time to refusal ${row(summarizeLatencies(refusals.ms))}`,
    );
  } finally {
    await stack.stop();
  }
  process.exit(0);
}

/** n, p50, p95, max (ms), aligned. */
function row(s: LatencySummary): string {
  const ms = (v: number | null) => (v === null ? 'n/a' : v.toFixed(1)).padStart(7);
  return `${String(s.n).padStart(5)} ${ms(s.median)} ${ms(s.p95)} ${ms(s.max)}`;
}

main().catch((err) => {
  console.error('[bench:limits] failed:', err);
  process.exit(1);
});
