import type { FieldError } from '../../contracts/errors';
import { applyModifiers, type ModifierEffect } from '../../domain/menu';
import { compileRecipe, taskIndex, type WorkflowDefinition } from '../../domain/recipe';
import { Prisma } from '../../prisma/generated/client';
import { recordAudit } from '../audit/record-audit';
import { badInput } from '../errors';
import type { ServiceOptions, TenantTx } from '../types';
import { notFound, parseInput, requireId } from '../validate';
import { modifierGroupsInclude } from './modifier-groups-include';
import { setModifierGroupsSchema, type ModifierGroupInput } from './modifier-input';
import { assertInventoryItemsVisible } from './menu-references';

/**
 * Replaces a dish's modifier groups in one transaction: every group and option is checked first
 * (their tasks against the dish's published recipe, their ingredients against the tenant's
 * stock), so a refused call saves nothing. Ids the caller sends back are kept, so the console's
 * picks and a platform's mapping survive an edit; past orders keep their own snapshots.
 */
export async function setModifierGroups({ db, actor, input }: ServiceOptions<{ menuItemId: string; groups: unknown }>) {
  const menuItemId = requireId(input.menuItemId, 'Menu item');
  const { groups } = parseInput(setModifierGroupsSchema, { groups: input.groups });
  const dish = await db.menuItem.findFirst({
    where: { id: menuItemId, isActive: true },
    select: {
      id: true,
      workflowTemplate: { select: { id: true, currentVersion: true } },
      modifierGroups: { select: { id: true, options: { select: { id: true } } } },
    },
  });
  if (!dish) throw notFound('Menu item');
  const template = dish.workflowTemplate;
  const version =
    template?.currentVersion != null
      ? await db.workflowTemplateVersion.findFirst({ where: { templateId: template.id, version: template.currentVersion }, select: { definition: true } })
      : null;
  const compiled = version ? compileRecipe(version.definition) : null;
  const recipe = compiled?.ok ? compiled.definition : null;

  const problems = [
    ...keptIdProblems(groups, dish.modifierGroups),
    ...groups.flatMap((g, gi) => g.options.flatMap((o, oi) => effectProblems(recipe, o.effects, `groups.${gi}.options.${oi}.effects`))),
  ];
  if (problems.length > 0) throw badInput(problems, 'Modifiers rejected');
  await assertInventoryItemsVisible(db, [
    ...new Set(groups.flatMap((g) => g.options.flatMap((o) => o.effects.flatMap((e) => ('inventoryItemId' in e ? [e.inventoryItemId] : []))))),
  ]);

  return db.$transaction(async (tx) => {
    await tx.modifierGroup.deleteMany({ where: { menuItemId } });
    for (const [position, group] of groups.entries()) await createGroup(tx, actor.tenantId, menuItemId, group, position);
    await recordAudit({ db: tx, actor, action: 'menu_item.modifiers', entityType: 'MenuItem', entityId: menuItemId, details: { groups } });
    return tx.modifierGroup.findMany({ where: { menuItemId }, ...modifierGroupsInclude });
  });
}

async function createGroup(tx: TenantTx, tenantId: string, menuItemId: string, group: ModifierGroupInput, position: number) {
  const created = await tx.modifierGroup.create({
    data: {
      ...(group.id ? { id: group.id } : {}),
      tenantId,
      menuItemId,
      name: group.name,
      minChoices: group.minChoices,
      maxChoices: group.maxChoices,
      position,
    },
  });
  await tx.modifierOption.createMany({
    data: group.options.map((o, i) => ({
      ...(o.id ? { id: o.id } : {}),
      tenantId,
      groupId: created.id,
      name: o.name,
      priceDelta: new Prisma.Decimal(o.priceDelta),
      effects: o.effects,
      position: i,
    })),
  });
}

/** An id sent back must be one of this dish's own groups or options (else it would take over another's row). */
function keptIdProblems(groups: ModifierGroupInput[], existing: Array<{ id: string; options: Array<{ id: string }> }>): FieldError[] {
  const groupIds = new Set(existing.map((g) => g.id));
  const optionIds = new Set(existing.flatMap((g) => g.options.map((o) => o.id)));
  return groups.flatMap((g, gi) => [
    ...(g.id && !groupIds.has(g.id) ? [{ path: `groups.${gi}.id`, message: `"${g.name}" is not a modifier group of this dish` }] : []),
    ...g.options.flatMap((o, oi) =>
      o.id && !optionIds.has(o.id) ? [{ path: `groups.${gi}.options.${oi}.id`, message: `"${o.name}" is not an option of this dish` }] : [],
    ),
  ]);
}

/** Each task or checklist item an option changes must be in the recipe, and the option alone must leave a task to cook. */
function effectProblems(recipe: WorkflowDefinition | null, effects: ModifierEffect[], path: string): FieldError[] {
  const onTasks = effects.filter((e) => 'taskId' in e);
  if (onTasks.length === 0) return [];
  if (!recipe) return [{ path, message: 'the dish has no published recipe, so an option cannot change its tasks' }];
  const tasks = taskIndex(recipe);
  const problems: FieldError[] = [];
  effects.forEach((e, i) => {
    if (!('taskId' in e)) return;
    const entry = tasks.get(e.taskId);
    if (!entry) problems.push({ path: `${path}.${i}.taskId`, message: `the recipe has no task "${e.taskId}"` });
    else if (e.kind === 'SKIP_SUBTASK' && !entry.task.subtasks.some((s) => s.id === e.subtaskId)) {
      problems.push({ path: `${path}.${i}.subtaskId`, message: `task "${entry.task.name}" has no checklist item "${e.subtaskId}"` });
    }
  });
  const applied = applyModifiers(recipe, effects);
  if (!applied.ok) problems.push({ path, message: applied.message });
  return problems;
}
