/**
 * Seeded randomness for the simulator and the bench: the same seed gives the same orders,
 * menus, cook speeds and durations, so two runs differ only by what the system did.
 * No imports: the Jest test checks these functions on their own.
 */
export type Rand = () => number;

/** mulberry32 (the simulator's and the ETA bench's one generator): 32-bit state, uniform in [0, 1). */
export function createRand(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal by Box–Muller (1 - u keeps log away from 0). */
export function normal(rand: Rand): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A log-normal multiplier with median `median`: right-skewed like real cooking times (a task
 * rarely goes much faster than planned, sometimes takes far longer). Mean = median·e^(σ²/2).
 */
export function logNormal(rand: Rand, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rand));
}

/** Gap to the next arrival of a Poisson process with `ratePerMs` events per ms. */
export function exponentialGap(rand: Rand, ratePerMs: number): number {
  if (!(ratePerMs > 0)) return Infinity;
  return -Math.log(1 - rand()) / ratePerMs;
}

/** One of `options` with probability proportional to its weight. */
export function weighted<T>(rand: Rand, options: ReadonlyArray<readonly [T, number]>): T {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  let roll = rand() * total;
  for (const [value, w] of options) {
    roll -= w;
    if (roll < 0) return value;
  }
  return options[options.length - 1][0];
}

/** `count` distinct elements (fewer if the list is shorter), in random order. */
export function sample<T>(rand: Rand, list: readonly T[], count: number): T[] {
  const pool = [...list];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  return out;
}
