import type { ServiceOptions } from '../types';
import { readKitchenSettings, type KitchenSettings } from './kitchen-settings';

/** The caller's kitchen settings, defaults filled in (the scoped client shows only the caller's own tenant). */
export async function getKitchenSettings({ db }: ServiceOptions<unknown>): Promise<KitchenSettings> {
  const tenant = await db.tenant.findFirst({ select: { settings: true } });
  return readKitchenSettings(tenant?.settings);
}
