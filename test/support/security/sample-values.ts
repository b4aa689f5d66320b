import { randomUUID } from 'node:crypto';
import { demo2Kitchen } from '../../../prisma/seed/demo2-kitchen';

/**
 * Test-only: plausible values for generated arguments, so a call gets past input validation to
 * the lookups the suites probe. By argument or input field name first (the API validates
 * these), then by type. A new scalar without a sample fails the suites, naming this file.
 */
const short = () => randomUUID().slice(0, 8);

const BY_NAME: Record<string, () => unknown> = {
  email: () => `probe-${short()}@example.test`,
  password: () => 'probe-password-1234',
  // A valid recipe for the security tenant's stations (the demo2 kitchen's grill and assembly).
  definition: () => demo2Kitchen.menu[0].recipe,
  baseUrl: () => 'http://127.0.0.1:9',
  taskTypes: () => 'grill',
  unit: () => 'pcs',
  date: () => new Date().toISOString().slice(0, 10),
  // A shift in the future that ends after it starts, so a call gets past the span check.
  startsAt: () => new Date(Date.now() + 48 * 3_600_000).toISOString(),
  endsAt: () => new Date(Date.now() + 52 * 3_600_000).toISOString(),
};

/** setPlatformStoreStatus's `status` is a free String the API checks against these. */
const STRING_BY_FIELD: Record<string, Record<string, string>> = {
  setPlatformStoreStatus: { status: 'online' },
};

const BY_TYPE: Record<string, () => unknown> = {
  ID: () => randomUUID(),
  String: () => `probe ${short()}`,
  Int: () => 1,
  Float: () => 1,
  Boolean: () => true,
  Decimal: () => '1',
  DateTime: () => new Date().toISOString(),
  JSON: () => ({}),
  // The least privileged role, so owner-only account rules never answer FORBIDDEN to a
  // role that holds the permission.
  Role: () => 'DELIVERY',
  PlatformOrderResolution: () => 'ACCEPT',
};

/** `slot` as operation.ts describes one value (its ArgSlot), spelled out so neither file imports the other. */
export function sampleValue(slot: { field: { name: string }; path: readonly string[]; typeName: string }): unknown {
  const name = slot.path[slot.path.length - 1];
  const byField = STRING_BY_FIELD[slot.field.name]?.[name];
  if (byField !== undefined) return byField;
  return (BY_NAME[name] ?? BY_TYPE[slot.typeName])?.();
}
