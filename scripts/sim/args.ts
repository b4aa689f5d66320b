/**
 * Command line of `npm run simulate`. Semantics (also in bench/README.md):
 *   --orders-per-hour N  arrival rate in kitchen time (Poisson)                 default 20
 *   --minutes M          wall-clock length of the run; orders arrive during the
 *                        first 60 %, then the cooks finish what is open          default 5
 *   --speed X            kitchen time runs X times faster than the wall clock    default 10
 *   --seed S             PRNG seed (orders, cooks, durations)                    default 1
 *   --url URL            a running Brigade (loopback only)                       default http://127.0.0.1:4000
 *   --max-orders K       hard bound on orders placed                             default 400
 */
export interface SimArgs {
  ordersPerHour: number;
  minutes: number;
  speed: number;
  seed: number;
  url: string;
  maxOrders: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function parseSimArgs(argv: string[]): SimArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (!flag.startsWith('--')) throw new Error(`Unexpected argument "${argv[i]}"`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    values.set(flag.slice(2), value);
  }
  const known = ['orders-per-hour', 'minutes', 'speed', 'seed', 'url', 'max-orders'];
  for (const key of values.keys()) if (!known.includes(key)) throw new Error(`Unknown option --${key} (known: ${known.map((k) => `--${k}`).join(', ')})`);

  const num = (key: string, fallback: number, min: number, max: number) => {
    const raw = values.get(key);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${key} must be a number from ${min} to ${max} (got ${raw})`);
    return n;
  };
  const url = (values.get('url') ?? 'http://127.0.0.1:4000').replace(/\/+$/, '');
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error(`--url is not a URL: ${url}`);
  }
  if (!LOOPBACK.has(host)) throw new Error(`--url must point at this machine (127.0.0.1, localhost or ::1), not ${host}: the simulator is a load generator`);
  return {
    ordersPerHour: num('orders-per-hour', 20, 0.1, 5_000),
    minutes: num('minutes', 5, 0.5, 120),
    speed: num('speed', 10, 1, 20),
    seed: Math.trunc(num('seed', 1, 0, 2 ** 32 - 1)),
    url,
    maxOrders: Math.trunc(num('max-orders', 400, 1, 5_000)),
  };
}
