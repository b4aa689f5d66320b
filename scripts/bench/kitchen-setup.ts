import type { WorkflowDefinition } from '../../domain/recipe';
import { ApiClient } from '../sim/api-client';

/**
 * Gets the seeded `demo` tenant ready for load: every station at the maximum capacity (50) and
 * every stock topped up, all through the public API as the manager. The bench measures the
 * software, so the kitchen itself (2 ovens, 14 tiramisù) must not be what limits it.
 */
export interface BenchKitchen {
  operator: ApiClient;
  cook: ApiClient;
  manager: ApiClient;
  tenantId: string;
  stations: Array<{ id: string; name: string; taskTypes: string[] }>;
  menu: Array<{ id: string; name: string; recipe: WorkflowDefinition }>;
}

const login = (url: string, email: string) => new ApiClient(url, { tenant: 'demo', email, password: 'demo1234' });

export async function prepareBenchKitchen(apiUrl: string): Promise<BenchKitchen> {
  const operator = login(apiUrl, 'operator@demo.local');
  const cook = login(apiUrl, 'cook@demo.local');
  const manager = login(apiUrl, 'manager@demo.local');
  await Promise.all([operator.accessToken(), cook.accessToken(), manager.accessToken()]);

  const data = await manager.request<{
    stations: Array<{ id: string; name: string; taskTypes: string[] }>;
    inventoryItems: Array<{ id: string }>;
    menuItems: Array<{ id: string; name: string; workflowTemplate: { definition: WorkflowDefinition } | null }>;
  }>(`{ stations { id name taskTypes } inventoryItems { id } menuItems { id name workflowTemplate { definition } } }`);

  for (const s of data.stations) {
    await manager.request(`mutation($id: ID!) { updateStation(id: $id, input: { capacity: 50 }) { id } }`, { id: s.id });
  }
  for (const item of data.inventoryItems) {
    await manager.request(`mutation($id: ID!) { adjustInventory(id: $id, quantity: "100000", type: manual_add, notes: "bench") { id } }`, { id: item.id });
  }
  const menu = data.menuItems.flatMap((m) => (m.workflowTemplate ? [{ id: m.id, name: m.name, recipe: m.workflowTemplate.definition }] : []));
  return { operator, cook, manager, tenantId: operator.tenantId, stations: data.stations, menu };
}

/** Stations that can take the tasks a recipe releases first (no dependencies). */
export function firstStations(kitchen: BenchKitchen, recipe: WorkflowDefinition): string[] {
  const types = new Set(recipe.phases.flatMap((p) => p.tasks.filter((t) => t.depends_on.length === 0).map((t) => t.station_type.toLowerCase())));
  return kitchen.stations.filter((s) => s.taskTypes.some((t) => types.has(t.toLowerCase()))).map((s) => s.id);
}
