import type { Db } from '../../db/client';
import type { WorkflowDefinition } from '../../domain/recipe';
import { demo2Kitchen } from '../../prisma/seed/demo2-kitchen';
import { seedKitchen } from '../../prisma/seed/seed-kitchen';
import { ApiClient } from '../sim/api-client';
import { connectSocket, type BrigadeClientSocket } from '../sim/socket';

/**
 * The many-tenants bench's restaurants: `count` tenants, each its own copy of the demo2 burger
 * kitchen (two stations, two dishes with four tasks each), seeded with the demo's own seeder so
 * each has its stations, recipes, menu, stock and staff. Stations get capacity 4 and stock is
 * plentiful: the bench measures the software under many small kitchens, not one kitchen's limits.
 */
export interface TenantKitchen {
  slug: string;
  tenantId: string;
  operator: ApiClient;
  cook: ApiClient;
  /** The cook's socket: the crew hears its tickets on it, and the bench times events on it. */
  socket: BrigadeClientSocket;
  menu: Array<{ id: string; recipe: WorkflowDefinition }>;
}

export const BENCH_PASSWORD = 'bench-tenants-1234';

export async function seedTenantKitchens(prisma: Db, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const slug = `bench-t${i}`;
    await seedKitchen(prisma, {
      ...demo2Kitchen,
      slug,
      name: `Bench tenant ${i}`,
      stations: demo2Kitchen.stations.map((s) => ({ ...s, capacity: 4 })),
      inventory: demo2Kitchen.inventory.map((item) => ({ ...item, stock: 100_000 })),
      users: [
        { email: `operator@${slug}.local`, name: 'Operator', role: 'OPERATOR', password: BENCH_PASSWORD },
        { email: `cook@${slug}.local`, name: 'Cook', role: 'STAFF', password: BENCH_PASSWORD },
      ],
    });
  }
}

/** Logs each tenant's operator and cook in, connects the cook's socket and reads the menu (4 tenants at a time). */
export async function openTenantKitchens(apiUrl: string, count: number): Promise<TenantKitchen[]> {
  const open = async (i: number): Promise<TenantKitchen> => {
    const slug = `bench-t${i}`;
    const login = (who: string) => new ApiClient(apiUrl, { tenant: slug, email: `${who}@${slug}.local`, password: BENCH_PASSWORD });
    const operator = login('operator');
    const cook = login('cook');
    const { menuItems } = await cook.request<{ menuItems: Array<{ id: string; workflowTemplate: { definition: WorkflowDefinition } | null }> }>(
      `{ menuItems { id workflowTemplate { definition } } }`,
    );
    const socket = await connectSocket(cook);
    const menu = menuItems.flatMap((m) => (m.workflowTemplate ? [{ id: m.id, recipe: m.workflowTemplate.definition }] : []));
    await operator.accessToken();
    return { slug, tenantId: operator.tenantId, operator, cook, socket, menu };
  };
  const kitchens: TenantKitchen[] = [];
  for (let i = 0; i < count; i += 4) {
    kitchens.push(...(await Promise.all(Array.from({ length: Math.min(4, count - i) }, (_, j) => open(i + j)))));
  }
  return kitchens;
}
