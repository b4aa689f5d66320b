import type { PageSettings } from '../../contracts/public-views';
import type { TenantDb } from '../../db/tenant-scope';
import { readKitchenSettings } from '../settings/kitchen-settings';
import { tenantTimeZone } from '../settings/tenant-time-zone';

/** A public page speaks its restaurant's default language, in its time zone: there is no user to ask. */
export async function readPageSettings(db: TenantDb): Promise<PageSettings> {
  const tenant = await db.tenant.findFirst({ select: { settings: true } });
  return { locale: readKitchenSettings(tenant?.settings).locale, timeZone: tenantTimeZone(tenant?.settings) };
}
