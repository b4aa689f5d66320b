import { canonicalTimeZone } from '../tenants/tenant-input';

/**
 * The tenant's IANA time zone from its settings JSON, or null when unset or unknown (the browser's
 * own zone is used then). tenant:create writes `timeZone`; the demo seed wrote `timezone`.
 */
export function tenantTimeZone(settings: unknown): string | null {
  const stored = settings as { timeZone?: unknown; timezone?: unknown } | null;
  const value = stored?.timeZone ?? stored?.timezone;
  return typeof value === 'string' && value ? canonicalTimeZone(value) : null;
}
