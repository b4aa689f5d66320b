/** Retry-After is seconds or an HTTP date; missing or unparsable means "a second". */
export function retryAfterMs(header: string | null, nowMs = Date.now()): number {
  if (!header) return 1_000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? 1_000 : Math.max(0, at - nowMs);
}
