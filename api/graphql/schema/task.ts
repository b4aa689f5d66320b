import type { GraphQLResolveInfo } from 'graphql';
import type { SubtaskInstance } from '../../../prisma/generated/client';
import { getTask } from '../../../core/tasks/get-task';
import { completeSubtask, completeTask, reassignTask, recallTask, startTask, undoStartTask } from '../../../core/tasks/kds-actions';
import { downstreamOf, type CardScope, type SiblingTask, type TaskItemSummary, type TaskNode, type TaskOrderSummary } from '../../../core/tasks/task-node';
import { builder } from '../builder';
import { selectedFieldNames, selectedSubfieldNames } from '../selection';
import { StationRef } from './station';

export const TASK_STATUSES = ['PENDING', 'QUEUED', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'CANCELLED'] as const;

export const TaskStatusEnum = builder.enumType('TaskStatus', {
  description: 'PENDING waits for its dependencies (or its fire time); QUEUED waits at a station; BLOCKED: no active station can take it yet.',
  values: TASK_STATUSES,
});

export const SubtaskRef = builder.objectRef<SubtaskInstance>('Subtask').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    optional: t.exposeBoolean('optional', { description: 'A task can be completed while optional subtasks are open.' }),
    completed: t.boolean({ resolve: (s) => s.isCompleted }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
  }),
});

const TaskLinkRef = builder.objectRef<SiblingTask>('TaskLink').implement({
  description: 'Another task of the same order item (a dependency or a dependent).',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    status: t.field({ type: TaskStatusEnum, resolve: (s) => s.status }),
    stationType: t.exposeString('stationType', { description: 'Where it will be done (the recipe station type).' }),
    stationName: t.string({ nullable: true, description: 'The station it is queued at, once released.', resolve: (s) => s.station?.name ?? null }),
  }),
});

const TaskOrderRef = builder.objectRef<TaskOrderSummary>('TaskOrder').implement({
  description: 'The order a task belongs to, as a KDS ticket shows it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    orderNumber: t.exposeInt('orderNumber'),
    priority: t.exposeInt('priority'),
    customerName: t.exposeString('customerName', { nullable: true }),
    notes: t.exposeString('notes', { nullable: true }),
  }),
});

const TaskOrderItemRef = builder.objectRef<TaskItemSummary>('TaskOrderItem').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.string({ description: 'The dish name when it was ordered.', resolve: (i) => i.nameSnapshot }),
    quantity: t.exposeInt('quantity'),
    modifications: t.exposeString('modifications', { nullable: true }),
    notes: t.exposeString('notes', { nullable: true }),
    allergens: t.stringList({ resolve: (i) => i.menuItem.allergens }),
  }),
});

const byId = (node: TaskNode) => new Map(node.siblings.map((s) => [s.id, s]));

export const TaskInstanceRef = builder.objectRef<TaskNode>('TaskInstance').implement({
  description: 'One recipe task of one order item (a task for 3 pizzas is one task with quantity 3).',
  fields: (t) => ({
    id: t.id({ resolve: (n) => n.task.id }),
    name: t.string({ resolve: (n) => n.task.name }),
    status: t.field({ type: TaskStatusEnum, resolve: (n) => n.task.status }),
    stationType: t.string({ resolve: (n) => n.task.stationType }),
    quantity: t.int({ resolve: (n) => n.task.quantity }),
    priority: t.int({ description: '0 normal, 1 high, 2 urgent.', resolve: (n) => n.task.priority }),
    station: t.field({ type: StationRef, nullable: true, description: 'Set once queued.', resolve: (n) => n.task.station }),
    order: t.field({ type: TaskOrderRef, resolve: (n) => n.order }),
    orderItem: t.field({ type: TaskOrderItemRef, resolve: (n) => n.item }),
    dependsOn: t.field({
      type: [TaskLinkRef],
      resolve: (n) => {
        const siblings = byId(n);
        return n.task.dependsOn.flatMap((id) => siblings.get(id) ?? []);
      },
    }),
    downstream: t.field({ type: [TaskLinkRef], description: 'Tasks that wait for this one.', resolve: downstreamOf }),
    estimatedMinutes: t.float({ description: 'Recipe estimate scaled by quantity.', resolve: (n) => n.task.estimatedMinutes.toNumber() }),
    plannedStartAt: t.field({ type: 'DateTime', nullable: true, resolve: (n) => n.task.plannedStartAt }),
    queuedAt: t.field({ type: 'DateTime', nullable: true, resolve: (n) => n.task.queuedAt }),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (n) => n.task.startedAt }),
    completedAt: t.field({ type: 'DateTime', nullable: true, resolve: (n) => n.task.completedAt }),
    subtasks: t.field({ type: [SubtaskRef], resolve: (n) => n.task.subtasks }),
  }),
});

/** The fields that need the task's order, item or sibling tasks; without them a read loads only the task. */
const RELATIVES = ['order', 'orderItem', 'dependsOn', 'downstream'];
const ID_ONLY = new Set(['id', '__typename']);
/** What the item workflow's view of a task holds (viewTaskNode), and of its subtasks. */
const VIEW_FIELDS = new Set(['id', '__typename', 'name', 'status', 'stationType', 'startedAt', 'completedAt', 'subtasks']);
const VIEW_SUBTASK_FIELDS = new Set(['id', '__typename', 'name', 'optional', 'completed']);
const within = (names: Set<string>, allowed: Set<string>) => [...names].every((name) => allowed.has(name));
const cardFor = (info: GraphQLResolveInfo): CardScope => {
  const selected = selectedFieldNames(info);
  if (within(selected, ID_ONLY)) return 'id';
  if (within(selected, VIEW_FIELDS) && within(selectedSubfieldNames(info, 'subtasks'), VIEW_SUBTASK_FIELDS)) return 'view';
  return RELATIVES.some((field) => selected.has(field)) ? 'full' : 'own';
};

builder.queryFields((t) => ({
  task: t.withAuth({ permission: 'orders:read' }).field({
    type: TaskInstanceRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, { db, actor }, info) => getTask({ db, actor, input: { id: String(args.id) }, card: cardFor(info) }),
  }),
}));

// KDS actions: each is a Temporal Update on the item workflow; a rejection is CONFLICT with its reason.
builder.mutationFields((t) => {
  const kds = t.withAuth({ permission: 'tasks:work' });
  return {
    startTask: kds.field({
      type: TaskInstanceRef,
      description: 'QUEUED → IN_PROGRESS, within the station capacity.',
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx, info) => startTask({ ...ctx, card: cardFor(info), input: { id: String(args.id) } }),
    }),
    undoStartTask: kds.field({
      type: TaskInstanceRef,
      description: 'Undo a wrong start: IN_PROGRESS → QUEUED at its old place in the queue, within 10 s of the start; no duration is recorded from it.',
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx, info) => undoStartTask({ ...ctx, card: cardFor(info), input: { id: String(args.id) } }),
    }),
    completeTask: kds.field({
      type: TaskInstanceRef,
      description: 'IN_PROGRESS → DONE once its dependencies are done and its required subtasks ticked; releases its dependents.',
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx, info) => completeTask({ ...ctx, card: cardFor(info), input: { id: String(args.id) } }),
    }),
    completeSubtask: kds.field({
      type: TaskInstanceRef,
      args: { taskId: t.arg.id({ required: true }), subtaskId: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx, info) =>
        completeSubtask({ ...ctx, card: cardFor(info), input: { taskId: String(args.taskId), subtaskId: String(args.subtaskId) } }),
    }),
    recallTask: kds.field({
      type: TaskInstanceRef,
      description: 'Undo a completion: DONE → IN_PROGRESS, while none of its dependents has started.',
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx, info) => recallTask({ ...ctx, card: cardFor(info), input: { id: String(args.id) } }),
    }),
    reassignTask: kds.field({
      type: TaskInstanceRef,
      description: 'Moves a QUEUED task to another active station that handles its station type.',
      args: { id: t.arg.id({ required: true }), stationId: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx, info) => reassignTask({ ...ctx, card: cardFor(info), input: { id: String(args.id), stationId: String(args.stationId) } }),
    }),
  };
});
