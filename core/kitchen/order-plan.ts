import { z } from 'zod';
import { tenantRows } from '../../db/sql';
import { deductPhaseId } from '../../domain/recipe';
import { Prisma } from '../../prisma/generated/client';
import type { ItemPlan, KitchenActivities, OrderPlan, PlannedTask } from '../../contracts/kitchen-activities';
import { fail, type ActivityDeps } from './deps';
import { ITEM_WORKFLOW_CHANNEL } from './item-workflow-channel';
import { pinnedRecipe, type PinnedRecipe } from './recipe-plan';
import { freshPlannedTasks, insertTaskRows, taskRows } from './task-rows';

const itemInclude = { workflowVersion: { select: { templateId: true, definition: true } } } as const;

type RecipeItem = Parameters<typeof pinnedRecipe>[0];

const ItemRow = z.object({
  id: z.string(),
  orderId: z.string(),
  quantity: z.number().int(),
  modifiers: z.unknown(),
  priority: z.number().int(),
  templateId: z.string().nullable(),
  definition: z.unknown(),
});

/** An order as planning needs it: its items in the order they were taken. */
export interface PlannableOrder {
  tenantId: string;
  orderId: string;
  priority: number;
  requestedAt: Date | null;
  status: string;
  items: Array<RecipeItem & { status: string }>;
}

/** An item about to be materialised: the item with its pinned recipe version, and its order's priority. */
export interface MaterializableItem {
  tenantId: string;
  orderId: string;
  priority: number;
  item: RecipeItem;
}

/** Planning reads: what the order workflow paces on, and the item's task graph (created once). */
export function createOrderPlanActivities(deps: ActivityDeps) {
  const { prisma, clock, learned: learnedCache } = deps;

  /** The plan of an order in hand (read by loadOrderPlan, or just stored by createOrder). */
  const planOrder = async (order: PlannableOrder): Promise<OrderPlan> => {
    const templateIds = order.items.flatMap((i) => (i.workflowVersion ? [i.workflowVersion.templateId] : []));
    const learned = await learnedCache.load(prisma, order.tenantId, templateIds);
    return {
      tenantId: order.tenantId,
      orderId: order.orderId,
      priority: order.priority,
      requestedAt: order.requestedAt?.toISOString() ?? null,
      status: order.status,
      items: order.items.map((item) => ({
        orderItemId: item.id,
        criticalPathMinutes: pinnedRecipe(item, learned)?.analysis.totalMinutes ?? 0,
        status: item.status,
      })),
    };
  };

  const loadOrderPlan: KitchenActivities['loadOrderPlan'] = async ({ tenantId, orderId }) => {
    const order = await prisma.order.findFirst({
      where: { id: orderId, tenantId },
      include: { items: { include: itemInclude, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
    });
    if (!order) fail('ORDER_NOT_FOUND', `Order ${orderId} not found`);
    return planOrder({ ...order, tenantId, orderId });
  };

  /**
   * Creates the item's tasks and subtasks once. `stored`: the rows may already be there (a
   * retry, or createOrder materialised the item when it fired it at the counter), so look first.
   */
  const materialize = async (
    { tenantId, orderId, priority, item }: MaterializableItem,
    plannedStartAt: string | null,
    stored: 'look first' | 'just stored',
  ): Promise<ItemPlan> => {
    const learned = await learnedCache.load(prisma, tenantId, item.workflowVersion ? [item.workflowVersion.templateId] : []);
    const recipe = pinnedRecipe(item, learned);
    const plan: ItemPlan = {
      tenantId,
      orderId,
      orderItemId: item.id,
      quantity: item.quantity,
      priority,
      deductPhaseId: recipe ? deductPhaseId(recipe.definition) : '',
      criticalPathMinutes: recipe?.analysis.totalMinutes ?? 0,
      tasks: [],
    };
    if (!recipe) return plan;

    if (stored === 'look first') {
      const existing = await readPlannedTasks(deps, tenantId, item.id, recipe);
      if (existing.length >= recipe.tasks.size) return { ...plan, tasks: existing };
    }
    const base = plannedStartAt ? Date.parse(plannedStartAt) : clock().getTime();
    const rows = taskRows(recipe, { orderItemId: item.id, base });
    const inserted = await insertTaskRows(prisma, rows, { tenantId, orderId, orderItemId: item.id, quantity: item.quantity, priority });
    // All inserted: the stored rows are these, fresh. Otherwise someone else's (the same ids) stand: read them.
    const fresh = inserted.tasks === rows.tasks.length && inserted.subtasks === rows.subtasks.length;
    plan.tasks = fresh ? freshPlannedTasks(rows) : await readPlannedTasks(deps, tenantId, item.id, recipe);
    return plan;
  };

  /** The item workflow's first step: its tasks, and the news that it exists (see item-workflow-channel.ts). */
  const materializeItemTasks: KitchenActivities['materializeItemTasks'] = async ({ tenantId, orderItemId, plannedStartAt }) => {
    const [row] = await tenantRows(
      prisma,
      tenantId,
      'materializeItemTasks',
      ItemRow,
      Prisma.sql`
      SELECT i.id::text AS id, i.order_id::text AS "orderId", i.quantity, i.modifiers, o.priority,
             v.template_id::text AS "templateId", v.definition, pg_notify(${ITEM_WORKFLOW_CHANNEL}, i.id::text) AS announced
      FROM order_items i
      JOIN orders o ON o.id = i.order_id AND o.tenant_id = i.tenant_id
      LEFT JOIN workflow_template_versions v ON v.id = i.workflow_version_id
      WHERE i.id = ${orderItemId}::uuid AND i.tenant_id = ${tenantId}::uuid`,
    );
    if (!row) fail('ITEM_NOT_FOUND', `Order item ${orderItemId} not found`);
    const workflowVersion = row.templateId ? { templateId: row.templateId, definition: row.definition } : null;
    const item = { id: row.id, quantity: row.quantity, modifiers: row.modifiers, workflowVersion };
    return materialize({ tenantId, orderId: row.orderId, priority: row.priority, item }, plannedStartAt, 'look first');
  };

  /** createOrder's item, just stored with no tasks yet (unless its item workflow got there first). */
  const materializeNewItem = (known: MaterializableItem, plannedStartAt: string | null) => materialize(known, plannedStartAt, 'just stored');

  return { loadOrderPlan, planOrder, materializeItemTasks, materializeNewItem };
}

/** The stored rows (a retry may find some already queued or done), in the recipe's topological order. */
async function readPlannedTasks(deps: ActivityDeps, tenantId: string, orderItemId: string, recipe: PinnedRecipe): Promise<PlannedTask[]> {
  const rows = await deps.prisma.taskInstance.findMany({
    where: { tenantId, orderItemId },
    // Subtasks in the order the recipe lists them (the KDS checklist order).
    include: { subtasks: { where: { tenantId }, orderBy: [{ position: 'asc' }, { subtaskDefId: 'asc' }] } },
  });
  const position = new Map(recipe.analysis.order.map((id, i) => [id, i]));
  rows.sort((a, b) => (position.get(a.taskDefId) ?? 0) - (position.get(b.taskDefId) ?? 0));
  return rows.map((t) => ({
    id: t.id,
    defId: t.taskDefId,
    phaseId: t.phaseDefId,
    name: t.name,
    stationType: t.stationType,
    dependsOn: t.dependsOn,
    estimatedMinutes: t.estimatedMinutes.toNumber(),
    status: t.status,
    stationId: t.stationId,
    subtasks: t.subtasks.map((s) => ({ id: s.id, defId: s.subtaskDefId, name: s.name, optional: s.optional, completed: s.isCompleted })),
  }));
}
