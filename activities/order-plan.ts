import { deductPhaseId } from '../domain/recipe';
import type { ItemPlan, KitchenActivities, PlannedTask } from './contract';
import { fail, type ActivityDeps } from './deps';
import { pinnedRecipe, type PinnedRecipe } from './recipe-plan';
import { stableUuid } from './stable-id';

const itemInclude = { workflowVersion: { select: { templateId: true, definition: true } } } as const;

/** Stored as DECIMAL(6,1). */
const tenths = (minutes: number) => Math.round(minutes * 10) / 10;

/** Planning reads: what the order workflow paces on, and the item's task graph (created once). */
export function createOrderPlanActivities(deps: ActivityDeps) {
  const { prisma, clock, learned: learnedCache } = deps;

  const loadOrderPlan: KitchenActivities['loadOrderPlan'] = async ({ tenantId, orderId }) => {
    const order = await prisma.order.findFirst({
      where: { id: orderId, tenantId },
      include: { items: { include: itemInclude, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
    });
    if (!order) fail('ORDER_NOT_FOUND', `Order ${orderId} not found`);
    const templateIds = order.items.flatMap((i) => (i.workflowVersion ? [i.workflowVersion.templateId] : []));
    const learned = await learnedCache.load(prisma, tenantId, templateIds);
    return {
      tenantId,
      orderId,
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

  const materializeItemTasks: KitchenActivities['materializeItemTasks'] = async ({ tenantId, orderItemId, plannedStartAt }) => {
    const item = await prisma.orderItem.findFirst({
      where: { id: orderItemId, tenantId },
      include: { ...itemInclude, order: { select: { priority: true } } },
    });
    if (!item) fail('ITEM_NOT_FOUND', `Order item ${orderItemId} not found`);
    const learned = await learnedCache.load(prisma, tenantId, item.workflowVersion ? [item.workflowVersion.templateId] : []);
    const recipe = pinnedRecipe(item, learned);
    const plan: ItemPlan = {
      tenantId,
      orderId: item.orderId,
      orderItemId,
      quantity: item.quantity,
      priority: item.order.priority,
      deductPhaseId: recipe ? deductPhaseId(recipe.definition) : '',
      criticalPathMinutes: recipe?.analysis.totalMinutes ?? 0,
      tasks: [],
    };
    if (!recipe) return plan;

    // Usually already there: createOrder materialised the item when it fired it at the counter
    // (tasks and subtasks go in one transaction, so all of the item's tasks mean all of it).
    const stored = await readPlannedTasks(deps, tenantId, orderItemId, recipe);
    if (stored.length >= recipe.tasks.size) return { ...plan, tasks: stored };

    const base = plannedStartAt ? Date.parse(plannedStartAt) : clock().getTime();
    const rows = taskRows(recipe, { tenantId, orderId: item.orderId, orderItemId, quantity: item.quantity, priority: plan.priority, base });
    // Ids derive from (item, recipe task), so a retry inserts nothing and the first attempt's rows stand.
    await prisma.$transaction([
      prisma.taskInstance.createMany({ data: rows.tasks, skipDuplicates: true }),
      prisma.subtaskInstance.createMany({ data: rows.subtasks, skipDuplicates: true }),
    ]);
    plan.tasks = await readPlannedTasks(deps, tenantId, orderItemId, recipe);
    return plan;
  };

  return { loadOrderPlan, materializeItemTasks };
}

function taskRows(
  recipe: PinnedRecipe,
  at: { tenantId: string; orderId: string; orderItemId: string; quantity: number; priority: number; base: number },
) {
  const idOf = (defId: string) => stableUuid(at.orderItemId, defId);
  const tasks = recipe.analysis.order.map((defId) => {
    const { task, phase } = recipe.tasks.get(defId)!;
    return {
      id: idOf(defId),
      tenantId: at.tenantId,
      orderId: at.orderId,
      orderItemId: at.orderItemId,
      taskDefId: defId,
      phaseDefId: phase.id,
      name: task.name,
      stationType: task.station_type,
      dependsOn: task.depends_on.map(idOf),
      // One task for the whole quantity (three pizzas go in the oven together), with scaled time.
      quantity: at.quantity,
      priority: at.priority,
      estimatedMinutes: tenths(recipe.scaledMinutes[defId]),
      plannedStartAt: new Date(at.base + recipe.analysis.earliestStart[defId] * 60_000),
    };
  });
  const subtasks = recipe.analysis.order.flatMap((defId) =>
    recipe.tasks.get(defId)!.task.subtasks.map((sub) => ({
      id: stableUuid(idOf(defId), sub.id),
      tenantId: at.tenantId,
      taskInstanceId: idOf(defId),
      subtaskDefId: sub.id,
      name: sub.name,
      optional: sub.optional,
    })),
  );
  return { tasks, subtasks };
}

/** The stored rows (a retry may find some already queued or done), in the recipe's topological order. */
async function readPlannedTasks(deps: ActivityDeps, tenantId: string, orderItemId: string, recipe: PinnedRecipe): Promise<PlannedTask[]> {
  const rows = await deps.prisma.taskInstance.findMany({
    where: { tenantId, orderItemId },
    include: { subtasks: { where: { tenantId } } },
  });
  const position = new Map(recipe.analysis.order.map((id, i) => [id, i]));
  rows.sort((a, b) => (position.get(a.taskDefId) ?? 0) - (position.get(b.taskDefId) ?? 0));
  // Subtasks in the order the recipe lists them (the KDS checklist order).
  const subtaskRank = (taskDefId: string, subDefId: string) =>
    recipe.tasks.get(taskDefId)?.task.subtasks.findIndex((s) => s.id === subDefId) ?? 0;
  for (const t of rows) t.subtasks.sort((a, b) => subtaskRank(t.taskDefId, a.subtaskDefId) - subtaskRank(t.taskDefId, b.subtaskDefId));
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
