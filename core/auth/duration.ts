/**
 * "15m" / "7d" / "3600" → milliseconds. Our own parser (not jsonwebtoken's transitive `ms`)
 * because both token TTLs must agree exactly with the expiresAt we store and return.
 */
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(value: string | number): number {
  if (typeof value === 'number') return value * 1000;
  const match = /^\s*(\d+)\s*(ms|s|m|h|d)?\s*$/.exec(value);
  if (!match) throw new Error(`Invalid duration "${value}" (expected e.g. 900, 15m, 12h, 7d)`);
  return Number(match[1]) * UNIT_MS[match[2] ?? 's'];
}
