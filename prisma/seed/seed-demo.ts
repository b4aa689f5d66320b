import type { Db } from '../../db/client';
import { demoKitchen } from './demo-kitchen';
import { demo2Kitchen } from './demo2-kitchen';
import type { KitchenSpec } from './kitchen-spec';
import { compileKitchen, seedKitchen, type SeedCounts } from './seed-kitchen';

export const DEMO_KITCHENS: readonly KitchenSpec[] = [demoKitchen, demo2Kitchen];

/**
 * The demo tenants `demo` and `demo2`. Safe to run any number of times: existing rows are kept
 * as they are (see seed-kitchen.ts). All recipes are validated before anything is written.
 */
export async function seedDemo(prisma: Db, opts: { log?: (message: string) => void } = {}): Promise<Record<string, SeedCounts>> {
  const log = opts.log ?? (() => undefined);
  for (const kitchen of DEMO_KITCHENS) compileKitchen(kitchen);
  const result: Record<string, SeedCounts> = {};
  for (const kitchen of DEMO_KITCHENS) {
    const counts = await seedKitchen(prisma, kitchen);
    result[kitchen.slug] = counts;
    const created = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([what, n]) => `${n} ${what}`);
    log(`seed ${kitchen.slug}: ${created.length ? `created ${created.join(', ')}` : 'already present, nothing to do'}`);
  }
  return result;
}
