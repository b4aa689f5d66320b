import bcrypt from 'bcryptjs';
import { createPrisma, type Db } from '../../db/client';
import { applyMigrations } from '../../db/migrate';
import { compileRecipe, type WorkflowDefinition } from '../../domain/recipe';
import { Role } from '../generated/client';
import { createScratchDatabase, testPrisma } from '../../test/support/db';
import { DEMO_LOGINS } from './demo-logins';
import { demo2Kitchen } from './demo2-kitchen';
import { seedDemo } from './seed-demo';
import { seedKitchen } from './seed-kitchen';

// The global setup seeded the shared test database; these tests read it. Re-seeding and broken
// specs run in scratch databases of their own so the shared demo data is never at risk.
jest.setTimeout(120_000);
const prisma = testPrisma();

describe('the demo seed', () => {
  it('creates the demo kitchen with stations, menu items and published, valid recipes', async () => {
    const demo = await prisma.tenant.findUniqueOrThrow({
      where: { slug: 'demo' },
      include: { stations: true, menuItems: { include: { workflowTemplate: { include: { versions: true } }, ingredients: true } } },
    });
    expect(demo.name).toBe('Brigade Demo — Pizzeria & Wok');
    expect(demo.stations.length).toBeGreaterThanOrEqual(5);
    expect(demo.menuItems.length).toBeGreaterThanOrEqual(8);
    const stationTypes = demo.stations.flatMap((s) => s.taskTypes);
    for (const item of demo.menuItems) {
      const template = item.workflowTemplate!;
      expect(template.currentVersion).toBe(1);
      expect(template.versions.map((v) => v.version)).toEqual([1]);
      const compiled = compileRecipe(template.versions[0].definition, { stationTypes });
      expect(compiled).toMatchObject({ ok: true, warnings: [] });
      if (!compiled.ok) continue;
      expect(Number(template.estimatedTotalMinutes)).toBe(compiled.analysis.totalMinutes);
      expect(Number(template.versions[0].estimatedTotalMinutes)).toBe(compiled.analysis.totalMinutes);
      expect(Number(item.price)).toBeGreaterThan(0);
      expect(item.ingredients.length).toBeGreaterThan(0);
    }
    expect(await prisma.inventoryItem.count({ where: { tenantId: demo.id } })).toBeGreaterThanOrEqual(12);
  });

  it('gives every demo recipe real DAG structure: phases, parallel branches, hand-offs, optional steps', async () => {
    const templates = await prisma.workflowTemplate.findMany({ where: { tenant: { slug: 'demo' } } });
    const defs = templates.map((t) => t.definition as unknown as WorkflowDefinition);
    const tasks = (d: WorkflowDefinition) => d.phases.flatMap((p) => p.tasks.map((t) => ({ ...t, phase: p.id })));
    for (const d of defs) {
      expect(d.phases.length).toBeGreaterThanOrEqual(2);
      expect(new Set(tasks(d).map((t) => t.station_type)).size).toBeGreaterThanOrEqual(2);
    }
    const all = defs.flatMap(tasks);
    expect(all.some((t) => t.depends_on.length >= 2)).toBe(true); // parallel branches join
    expect(all.some((t) => t.subtasks.some((s) => s.optional))).toBe(true);
    expect(all.some((t) => t.subtasks.some((s) => !s.optional))).toBe(true);
    // A hand-off that skips a phase (e.g. the calzone's dip, made in prep, boxed when finishing).
    const crossesPhases = defs.some((d) => {
      const order = new Map(d.phases.flatMap((p) => p.tasks.map((t) => [t.id, p.order])));
      return tasks(d).some((t) => t.depends_on.some((dep) => order.get(t.id)! - order.get(dep)! >= 2));
    });
    expect(crossesPhases).toBe(true);
  });

  it('creates a user for every role whose demo password verifies', async () => {
    const users = await prisma.user.findMany({ where: { tenant: { slug: { in: ['demo', 'demo2'] } } }, include: { tenant: true } });
    expect(new Set(users.filter((u) => u.tenant.slug === 'demo').map((u) => u.role))).toEqual(new Set(Object.values(Role)));
    for (const login of DEMO_LOGINS) {
      const user = users.find((u) => u.email === login.email && u.tenant.slug === login.tenant);
      expect(user?.role).toBe(login.role);
      expect(await bcrypt.compare(login.password, user!.passwordHash)).toBe(true);
      expect(await bcrypt.compare('wrong-password', user!.passwordHash)).toBe(false);
    }
  });

  it('creates a second, smaller kitchen for demo2', async () => {
    const demo2 = await prisma.tenant.findUniqueOrThrow({ where: { slug: 'demo2' }, include: { stations: true, menuItems: true, inventoryItems: true } });
    expect(demo2.stations).toHaveLength(2);
    expect(demo2.menuItems).toHaveLength(2);
    expect(demo2.inventoryItems.length).toBeGreaterThan(0);
  });
});

describe('seeding from scratch', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const scratch = await createScratchDatabase('seed');
    drop = scratch.drop;
    await applyMigrations({ databaseUrl: scratch.url });
    db = createPrisma(scratch.url, { max: 2 });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await drop?.();
  });

  it('a second run creates nothing and changes nothing', async () => {
    const first = await seedDemo(db);
    expect(first.demo).toMatchObject({ tenants: 1, users: 6, stations: 6 });
    const snapshot = () =>
      Promise.all(
        [
          db.tenant.findMany(),
          db.user.findMany(),
          db.station.findMany(),
          db.inventoryItem.findMany(),
          db.workflowTemplate.findMany(),
          db.workflowTemplateVersion.findMany(),
          db.menuItem.findMany(),
          db.recipeIngredient.findMany(),
        ].map((q) => q.then((rows) => [...rows].sort((a, b) => a.id.localeCompare(b.id)))),
      );
    const before = await snapshot();

    const second = await seedDemo(db);
    for (const counts of Object.values(second)) expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it('fails loudly on a recipe that does not compile, before writing anything', async () => {
    const broken = structuredClone({ ...demo2Kitchen, slug: 'broken-kitchen' });
    broken.menu[0].recipe.phases[0].tasks[0].station_type = 'laser';
    await expect(seedKitchen(db, broken)).rejects.toThrow(/Classic Cheeseburger.*unknown station type "laser"/s);
    expect(await db.tenant.findUnique({ where: { slug: 'broken-kitchen' } })).toBeNull();
  });
});
