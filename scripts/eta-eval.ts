/**
 * `npm run eta:eval [-- --seeds 5 --first-seed 1 --scenario rush --chart docs/eta-eval.svg]`
 * Brigade's ETA against seeded ground-truth kitchens on a virtual clock (domain/eta/eval): every
 * scenario under both queue rules, each predictor's MAE, bias, share within ±3 kitchen minutes and
 * P80 coverage, the issue's targets with PASS/FAIL, and a predicted-vs-actual chart. No database,
 * no Temporal: deterministic, a few seconds per seed. What it measures: bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { QUEUE_RULE, type QueueRule } from '../domain/kitchen/queue-order';
import { runService, PREDICTORS, type OrderRecord } from '../domain/eta/eval/run-service';
import { checkTargets, summarise, TOLERANCE_MINUTES } from '../domain/eta/eval/summary';
import { parseEvalArgs } from './eta-eval/args';
import { predictedVsActualSvg } from './eta-eval/chart';

const RULES: QueueRule[] = ['PLANNED', 'PROMISE'];
const fix = (v: number | null, digits = 2) => (v === null ? '–' : v.toFixed(digits));
const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)} %`);
const pad = (s: string, n: number) => s.padEnd(n);

function main(): void {
  const args = parseEvalArgs(process.argv.slice(2));
  const started = Date.now();
  // orders[rule][scenario][seed]
  const runs = new Map<QueueRule, Map<string, OrderRecord[][]>>(RULES.map((r) => [r, new Map()]));
  for (const scenario of args.scenarios)
    for (const rule of RULES)
      runs.get(rule)!.set(
        scenario.name,
        args.seeds.map((seed) => runService(scenario, seed, rule).orders),
      );
  const pooled = (rule: QueueRule, scenario?: string) =>
    [...runs.get(rule)!].filter(([name]) => !scenario || name === scenario).flatMap(([, seeds]) => seeds.flat());

  console.log(`eta:eval — seeds ${args.seeds.join(', ')}; queue rule ${QUEUE_RULE} (the kitchen's); errors in kitchen minutes, ±${TOLERANCE_MINUTES} min\n`);
  for (const scenario of [...args.scenarios.map((s) => s.name), 'ALL']) {
    const orders = pooled(QUEUE_RULE, scenario === 'ALL' ? undefined : scenario);
    const s = summarise(orders);
    console.log(`${scenario === 'ALL' ? 'ALL SCENARIOS' : scenario} (${s.queue.orders} measured orders)`);
    console.log(`  ${pad('predictor', 22)}${pad('MAE', 7)}${pad('bias', 7)}${pad('±3 min', 8)}P80 coverage`);
    for (const name of PREDICTORS) {
      const a = s.accuracy[name];
      console.log(`  ${pad(name, 22)}${pad(fix(a.maeMinutes), 7)}${pad(fix(a.biasMinutes), 7)}${pad(pct(a.withinShare), 8)}${pct(a.coverage)}`);
    }
    const targets = checkTargets(s);
    console.log(`  targets: ${targets.map((t) => `${t.pass ? 'PASS' : 'FAIL'} ${t.target} (${fix(t.value)})`).join('\n           ')}\n`);
  }

  console.log('Per seed, all scenarios: order-time MAE / naive sum, / naive critical path, / oracle');
  for (const [i, seed] of args.seeds.entries()) {
    const s = summarise([...runs.get(QUEUE_RULE)!.values()].flatMap((seeds) => seeds[i]));
    const mae = (n: (typeof PREDICTORS)[number]) => s.accuracy[n].maeMinutes ?? NaN;
    console.log(
      `  seed ${seed}: ${fix(mae('brigade') / mae('naiveSum'))}  ${fix(mae('brigade') / mae('naiveCriticalPath'))}  ${fix(mae('brigade') / mae('oracle'))}`,
    );
  }

  console.log('\nQueue rule, side by side on the same scenarios, seeds, arrivals and cooking times:');
  console.log(`  ${pad('scenario', 15)}${pad('rule', 9)}${pad('MAE', 7)}${pad('bias', 7)}${pad('late', 7)}${pad('lead min', 10)}items together`);
  for (const scenario of [...args.scenarios.map((s) => s.name), 'ALL'])
    for (const rule of RULES) {
      const s = summarise(pooled(rule, scenario === 'ALL' ? undefined : scenario));
      const a = s.accuracy.brigade;
      console.log(
        `  ${pad(scenario, 15)}${pad(rule, 9)}${pad(fix(a.maeMinutes), 7)}${pad(fix(a.biasMinutes), 7)}${pad(pct(s.queue.lateShare), 7)}${pad(fix(s.queue.meanLeadMinutes, 1), 10)}${pct(s.queue.togetherShare)}`,
      );
    }

  if (args.chart) {
    const points = pooled(QUEUE_RULE)
      .filter((o) => o.measured)
      .flatMap((o) =>
        (['brigade', 'brigadeHalfway', 'naiveSum', 'oracle'] as const).map((predictor) => ({
          predictor,
          actual: (o.actualAt - o.placedAt) / 60_000,
          predicted: (o.predicted[predictor] - o.placedAt) / 60_000,
        })),
      );
    mkdirSync(dirname(args.chart), { recursive: true });
    writeFileSync(
      args.chart,
      predictedVsActualSvg(
        points,
        `npm run eta:eval: predicted vs actual minutes to ready, ${args.scenarios.length} scenarios × seeds ${args.seeds.join(', ')}, queue rule ${QUEUE_RULE}; band ±3 min`,
      ),
    );
    console.log(`\nchart: ${args.chart}`);
  }
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

try {
  main();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
