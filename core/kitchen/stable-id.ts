import { createHash } from 'node:crypto';

/**
 * A name-based UUID (RFC 4122 version 5 layout, SHA-1 of the parts). Materializing an item twice
 * (an activity retry, or a retry racing a slow first attempt) derives the very same task and
 * subtask ids, so `depends_on` arrays always point at the rows that actually exist.
 */
export function stableUuid(...parts: string[]): string {
  const bytes = createHash('sha1').update(parts.join('\u0000')).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
