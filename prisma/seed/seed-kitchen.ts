import bcrypt from 'bcryptjs';
import type { Db } from '../../db/client';
import { assertValidRecipe, type CompiledRecipe } from '../../domain/recipe';
import type { Prisma } from '../generated/client';
import type { KitchenSpec, MenuSpec } from './kitchen-spec';

/**
 * Writes one KitchenSpec. Idempotent by natural keys (slug, email, names): rows that exist are
 * left exactly as they are, so a second run creates and changes nothing, and edits made in the
 * app survive a re-seed. Everything is validated before the first write and written in one
 * transaction, so a broken spec never leaves half a kitchen behind.
 */
export type SeedCounts = {
  tenants: number;
  users: number;
  stations: number;
  inventoryItems: number;
  templates: number;
  menuItems: number;
  ingredients: number;
};

type Tx = Prisma.TransactionClient;

/** Every recipe must compile against the kitchen's own station types, with no warnings. */
export function compileKitchen(spec: KitchenSpec): Map<string, CompiledRecipe> {
  const stationTypes = [...new Set(spec.stations.flatMap((s) => s.taskTypes))];
  const inventory = new Set(spec.inventory.map((i) => i.name));
  const compiled = new Map<string, CompiledRecipe>();
  for (const item of spec.menu) {
    const where = `Seed recipe "${item.name}" (tenant ${spec.slug})`;
    let recipe: CompiledRecipe;
    try {
      recipe = assertValidRecipe(item.recipe, { stationTypes });
    } catch (err) {
      throw new Error(`${where} is invalid: ${(err as Error).message}`, { cause: err });
    }
    if (recipe.warnings.length) {
      throw new Error(`${where} has warnings: ${recipe.warnings.map((w) => w.message).join('; ')}`);
    }
    const unknown = Object.keys(item.ingredients).filter((name) => !inventory.has(name));
    if (unknown.length) throw new Error(`${where} uses unknown inventory items: ${unknown.join(', ')}`);
    compiled.set(item.name, recipe);
  }
  return compiled;
}

export async function seedKitchen(prisma: Db, spec: KitchenSpec): Promise<SeedCounts> {
  const recipes = compileKitchen(spec);
  // bcrypt is slow by design, so it runs outside the transaction and once per distinct password:
  // demo accounts share one documented password, so sharing its hash reveals nothing more.
  const hashes = new Map<string, string>();
  for (const { password } of spec.users) if (!hashes.has(password)) hashes.set(password, await bcrypt.hash(password, 10));
  const counts: SeedCounts = { tenants: 0, users: 0, stations: 0, inventoryItems: 0, templates: 0, menuItems: 0, ingredients: 0 };
  await prisma.$transaction(
    async (tx) => {
      const basics = await seedBasics(tx, spec, hashes, counts);
      await seedMenu(tx, spec, recipes, basics, counts);
    },
    { timeout: 60_000 },
  );
  return counts;
}

/**
 * Reads what exists (one query per table), creates only the missing rows (one query), returns
 * every row by its natural key. Keeps the seed at a few dozen round trips instead of hundreds.
 */
async function ensureAll<S, R>(opts: {
  counts: SeedCounts;
  key: keyof SeedCounts;
  specs: S[];
  specKey: (s: S) => string;
  rowKey: (r: R) => string;
  existing: R[];
  create: (missing: S[]) => Promise<R[]>;
}): Promise<Map<string, R>> {
  const rows = new Map(opts.existing.map((r) => [opts.rowKey(r), r]));
  const missing = opts.specs.filter((s) => !rows.has(opts.specKey(s)));
  if (missing.length) {
    for (const r of await opts.create(missing)) rows.set(opts.rowKey(r), r);
    opts.counts[opts.key] += missing.length;
  }
  return rows;
}

type Basics = { tenantId: string; publisherId: string; inventory: Map<string, { id: string }> };
const byName = (x: { name: string }) => x.name;

async function seedBasics(tx: Tx, spec: KitchenSpec, hashes: Map<string, string>, counts: SeedCounts): Promise<Basics> {
  const { slug, name, settings } = spec;
  let tenant = await tx.tenant.findUnique({ where: { slug } });
  if (!tenant) {
    tenant = await tx.tenant.create({ data: { slug, name, settings, plan: 'pro' } });
    counts.tenants += 1;
  }
  const tenantId = tenant.id;
  const users = await ensureAll({
    counts,
    key: 'users',
    specs: spec.users,
    specKey: (u) => u.email,
    rowKey: (u) => u.email,
    existing: await tx.user.findMany({ where: { tenantId } }),
    create: (missing) =>
      tx.user.createManyAndReturn({
        data: missing.map((u) => ({ tenantId, email: u.email, name: u.name, role: u.role, passwordHash: hashes.get(u.password)! })),
      }),
  });
  await ensureAll({
    counts,
    key: 'stations',
    specs: spec.stations,
    specKey: byName,
    rowKey: byName,
    existing: await tx.station.findMany({ where: { tenantId } }),
    create: (missing) =>
      tx.station.createManyAndReturn({
        data: missing.map((s) => ({
          tenantId,
          name: s.name,
          capacity: s.capacity,
          taskTypes: s.taskTypes,
          settings: s.settings,
          displayOrder: spec.stations.indexOf(s),
        })),
      }),
  });
  const inventory = await ensureAll({
    counts,
    key: 'inventoryItems',
    specs: spec.inventory,
    specKey: byName,
    rowKey: byName,
    existing: await tx.inventoryItem.findMany({ where: { tenantId } }),
    create: (missing) =>
      tx.inventoryItem.createManyAndReturn({
        data: missing.map((i) => ({
          tenantId,
          name: i.name,
          unit: i.unit,
          currentStock: i.stock,
          minStock: i.min,
          costPerUnit: i.costPerUnit,
          supplier: i.supplier,
        })),
      }),
  });
  // Version 1 is "published" by the most senior demo account.
  const all = [...users.values()];
  const publisher = ['OWNER', 'ADMIN', 'MANAGER'].map((role) => all.find((u) => u.role === role)).find(Boolean) ?? all[0];
  return { tenantId, publisherId: publisher.id, inventory };
}

async function seedMenu(tx: Tx, spec: KitchenSpec, recipes: Map<string, CompiledRecipe>, basics: Basics, counts: SeedCounts) {
  const { tenantId } = basics;
  const definition = (item: MenuSpec) => recipes.get(item.name)!.definition as unknown as Prisma.InputJsonValue;
  const minutes = (item: MenuSpec) => recipes.get(item.name)!.analysis.totalMinutes;
  const templates = await ensureAll({
    counts,
    key: 'templates',
    specs: spec.menu,
    specKey: byName,
    rowKey: byName,
    existing: await tx.workflowTemplate.findMany({ where: { tenantId } }),
    create: async (missing) => {
      const created = await tx.workflowTemplate.createManyAndReturn({
        data: missing.map((m) => ({
          tenantId,
          name: m.name,
          category: m.category,
          definition: definition(m),
          estimatedTotalMinutes: minutes(m),
          currentVersion: 1,
        })),
      });
      await tx.workflowTemplateVersion.createMany({
        data: created.map((t) => ({
          tenantId,
          templateId: t.id,
          version: 1,
          definition: t.definition as Prisma.InputJsonValue,
          estimatedTotalMinutes: t.estimatedTotalMinutes!,
          publishedById: basics.publisherId,
        })),
      });
      return created;
    },
  });
  const menuItems = await ensureAll({
    counts,
    key: 'menuItems',
    specs: spec.menu,
    specKey: byName,
    rowKey: byName,
    existing: await tx.menuItem.findMany({ where: { tenantId } }),
    create: (missing) =>
      tx.menuItem.createManyAndReturn({
        data: missing.map((m) => ({
          tenantId,
          name: m.name,
          category: m.category,
          description: m.description,
          price: m.price,
          allergens: m.allergens,
          workflowTemplateId: templates.get(m.name)!.id,
          displayOrder: spec.menu.indexOf(m),
        })),
      }),
  });
  const wanted = spec.menu.flatMap((m) =>
    Object.entries(m.ingredients).map(([name, quantity]) => ({
      menuItemId: menuItems.get(m.name)!.id,
      inventoryItemId: basics.inventory.get(name)!.id,
      quantity,
    })),
  );
  const pair = (r: { menuItemId: string; inventoryItemId: string }) => `${r.menuItemId}/${r.inventoryItemId}`;
  await ensureAll({
    counts,
    key: 'ingredients',
    specs: wanted,
    specKey: pair,
    rowKey: pair,
    existing: await tx.recipeIngredient.findMany({ where: { tenantId } }),
    create: (missing) => tx.recipeIngredient.createManyAndReturn({ data: missing.map((r) => ({ tenantId, ...r })) }),
  });
}
