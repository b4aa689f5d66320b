import type { ApiClient } from './api-client';
import type { MenuChoice } from './order-generator';

/**
 * The menu the simulator orders from. At speed 1 it is the kitchen's own menu. At speed X the
 * kitchen must run X times faster *as far as Brigade knows*, or its ETAs (recipe estimates and
 * learned durations, in real minutes) could never match cooks working X times faster. So the
 * manager account publishes a copy of each recipe with every estimate divided by X, under
 * "<name> (sim ×X)" in the `simulation` category, with the original's price and ingredients.
 * Durations the system learns for these copies stay with the copies: the real recipes' learned
 * durations are never touched. The copies are made available for the run and hidden after it.
 */
export const SIM_CATEGORY = 'simulation';

interface FullMenuItem {
  id: string;
  name: string;
  category: string | null;
  price: string;
  allergens: string[];
  isActive: boolean;
  isAvailable: boolean;
  workflowTemplate: { id: string; definition: RecipeJson } | null;
  ingredients: Array<{ quantity: string; inventoryItem: { id: string } }>;
}

type RecipeJson = { phases: Array<{ tasks: Array<{ estimated_minutes: number }> }> } & Record<string, unknown>;

const FULL_MENU = `query FullMenu {
  menuItems(includeUnavailable: true) {
    id name category price allergens isActive isAvailable
    workflowTemplate { id definition }
    ingredients { quantity inventoryItem { id } }
  }
  workflowTemplates(category: "${SIM_CATEGORY}") { id name currentVersion }
}`;

export const simName = (name: string, speed: number) => `${name} (sim ×${speed})`;

/** Every estimate divided by `speed`, to the 0.1 minute the database stores (never below 0.1). */
export function scaleRecipe(definition: RecipeJson, speed: number): RecipeJson {
  const copy = structuredClone(definition);
  for (const phase of copy.phases) {
    for (const task of phase.tasks) task.estimated_minutes = Math.max(0.1, Math.round((task.estimated_minutes / speed) * 10) / 10);
  }
  return copy;
}

export interface SimMenu {
  items: MenuChoice[];
  /** Hides the copies again (no-op at speed 1). */
  close(): Promise<void>;
}

export async function prepareSimMenu(opts: { operator: ApiClient; manager: () => ApiClient; speed: number; log: (m: string) => void }): Promise<SimMenu> {
  if (opts.speed === 1) {
    const data = await opts.operator.request<{
      menuItems: Array<{ id: string; name: string; category: string | null; workflowTemplate: { id: string } | null }>;
    }>('{ menuItems { id name category workflowTemplate { id } } }');
    const items = data.menuItems.filter((m) => m.workflowTemplate && m.category !== SIM_CATEGORY).map(({ id, name }) => ({ id, name }));
    return { items, close: async () => undefined };
  }
  const manager = opts.manager();
  const data = await manager.request<{ menuItems: FullMenuItem[]; workflowTemplates: Array<{ id: string; name: string; currentVersion: number | null }> }>(
    FULL_MENU,
  );
  const originals = data.menuItems.filter((m) => m.isActive && m.isAvailable && m.workflowTemplate && m.category !== SIM_CATEGORY);
  const items: MenuChoice[] = [];
  let created = 0;
  for (const original of originals) {
    const name = simName(original.name, opts.speed);
    const existing = data.menuItems.find((m) => m.name === name && m.isActive);
    if (existing) {
      if (!existing.isAvailable) await setAvailable(manager, existing.id, true);
      items.push({ id: existing.id, name });
      continue;
    }
    const templateId = await publishedTemplate(manager, data.workflowTemplates, name, scaleRecipe(original.workflowTemplate!.definition, opts.speed));
    const menuItem = await manager.request<{ createMenuItem: { id: string } }>(
      `mutation($input: CreateMenuItemInput!) { createMenuItem(input: $input) { id } }`,
      {
        input: {
          name,
          category: SIM_CATEGORY,
          price: original.price,
          allergens: original.allergens,
          workflowTemplateId: templateId,
          ingredients: original.ingredients.map((i) => ({ inventoryItemId: i.inventoryItem.id, quantity: i.quantity })),
        },
      },
    );
    items.push({ id: menuItem.createMenuItem.id, name });
    created++;
  }
  opts.log(`menu: ${items.length} recipes at ×${opts.speed} (${created} created, ${items.length - created} reused) in category "${SIM_CATEGORY}"`);
  return {
    items,
    async close() {
      for (const item of items) await setAvailable(manager, item.id, false).catch(() => undefined);
    },
  };
}

async function publishedTemplate(
  manager: ApiClient,
  templates: Array<{ id: string; name: string; currentVersion: number | null }>,
  name: string,
  definition: RecipeJson,
): Promise<string> {
  let template = templates.find((t) => t.name === name);
  if (!template) {
    const res = await manager.request<{ createWorkflowTemplate: { id: string; name: string; currentVersion: number | null } }>(
      `mutation($input: CreateWorkflowTemplateInput!) { createWorkflowTemplate(input: $input) { id name currentVersion } }`,
      { input: { name, category: SIM_CATEGORY, definition } },
    );
    template = res.createWorkflowTemplate;
  }
  if (template.currentVersion === null) {
    await manager.request(`mutation($id: ID!) { publishWorkflowTemplate(id: $id) { id } }`, { id: template.id });
  }
  return template.id;
}

function setAvailable(manager: ApiClient, id: string, available: boolean) {
  return manager.request(
    `mutation($id: ID!, $available: Boolean!, $reason: String) { setMenuItemAvailability(id: $id, available: $available, reason: $reason) { id } }`,
    {
      id,
      available,
      reason: available ? null : 'simulation not running',
    },
  );
}
