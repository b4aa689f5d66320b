import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SCENARIOS } from '../../domain/eta/eval/scenarios';

/**
 * Command line of `npm run eta:eval` (bench/README.md):
 *   --seeds N       seeds per scenario, pooled in the tables          default 5
 *   --first-seed S  the first of them                                 default 1
 *   --scenario X    only this scenario (repeatable)                   default all
 *   --chart PATH    where the predicted-vs-actual SVG goes            default docs/eta-eval.svg ("-": none)
 */
const schema = z.object({
  seeds: z.coerce.number().int().min(1).max(50).default(5),
  'first-seed': z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .default(1),
  scenario: z.array(z.enum(SCENARIOS.map((s) => s.name) as [string, ...string[]])).default([]),
  chart: z.string().min(1).default('docs/eta-eval.svg'),
});

export interface EvalArgs {
  seeds: number[];
  scenarios: typeof SCENARIOS;
  chart: string | null;
}

export function parseEvalArgs(argv: string[]): EvalArgs {
  const { values } = parseArgs({
    args: argv,
    options: { seeds: { type: 'string' }, 'first-seed': { type: 'string' }, scenario: { type: 'string', multiple: true }, chart: { type: 'string' } },
    strict: true,
  });
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`BAD_USER_INPUT --${issue.path.join('.')}: ${issue.message}`);
  }
  const a = parsed.data;
  return {
    seeds: Array.from({ length: a.seeds }, (_, i) => a['first-seed'] + i),
    scenarios: a.scenario.length === 0 ? SCENARIOS : SCENARIOS.filter((s) => a.scenario.includes(s.name)),
    chart: a.chart === '-' ? null : a.chart,
  };
}
