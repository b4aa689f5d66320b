import { getStationQueue, type StationQueue } from '../../../core/tasks/station-queue';
import { downstreamOf, type TaskNode } from '../../../core/tasks/task-node';
import { optionsForTask, parseOrderedModifiers } from '../../../domain/menu';
import { builder } from '../builder';
import { StationRef } from './station';
import { SubtaskRef, TaskInstanceRef, TaskStatusEnum } from './task';

type QueueEntry = TaskNode & { now: Date };

const seconds = (from: Date | null, now: Date) => (from ? Math.max(0, Math.floor((now.getTime() - from.getTime()) / 1000)) : 0);

const QueueEntryRef = builder.objectRef<QueueEntry>('QueueEntry').implement({
  description: 'One ticket on a station screen: the task with what the cook needs to read at a glance.',
  fields: (t) => ({
    id: t.id({ description: 'The task id (what startTask / completeTask take).', resolve: (e) => e.task.id }),
    task: t.field({ type: TaskInstanceRef, resolve: (e) => e }),
    status: t.field({ type: TaskStatusEnum, resolve: (e) => e.task.status }),
    name: t.string({ resolve: (e) => e.task.name }),
    orderId: t.id({ resolve: (e) => e.order.id }),
    orderNumber: t.int({ resolve: (e) => e.order.orderNumber }),
    orderNotes: t.string({ nullable: true, resolve: (e) => e.order.notes }),
    customerName: t.string({ nullable: true, resolve: (e) => e.order.customerName }),
    priority: t.int({ resolve: (e) => e.task.priority }),
    itemName: t.string({ resolve: (e) => e.item.nameSnapshot }),
    quantity: t.int({ resolve: (e) => e.task.quantity }),
    label: t.string({ description: 'e.g. "Margherita × 2".', resolve: (e) => `${e.item.nameSnapshot} × ${e.task.quantity}` }),
    modifications: t.string({ nullable: true, resolve: (e) => e.item.modifications }),
    modifiers: t.stringList({
      description: 'The ordered modifier options this task shows: those that change it, and those that change no task left (e.g. "No basil").',
      resolve: (e) => optionsForTask(parseOrderedModifiers(e.item.modifiers), e.task.taskDefId),
    }),
    notes: t.string({ nullable: true, description: 'Notes on the order item.', resolve: (e) => e.item.notes }),
    allergens: t.stringList({ resolve: (e) => e.item.menuItem.allergens }),
    elapsedSeconds: t.int({
      description: 'In progress: since it started. Queued: since it arrived at the station.',
      resolve: (e) => seconds(e.task.status === 'IN_PROGRESS' ? e.task.startedAt : e.task.queuedAt, e.now),
    }),
    estimatedMinutes: t.float({ resolve: (e) => e.task.estimatedMinutes.toNumber() }),
    plannedStartAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.task.plannedStartAt }),
    queuedAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.task.queuedAt }),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.task.startedAt }),
    subtasks: t.field({ type: [SubtaskRef], resolve: (e) => e.task.subtasks }),
    downstream: t.stringList({ description: 'Names of the tasks that wait for this one.', resolve: (e) => downstreamOf(e).map((d) => d.name) }),
  }),
});

const StationQueueRef = builder.objectRef<StationQueue>('StationQueue').implement({
  fields: (t) => ({
    station: t.field({ type: StationRef, resolve: (q) => q.station }),
    tasks: t.field({
      type: [QueueEntryRef],
      description: 'IN_PROGRESS first, then QUEUED by priority (high first), planned start, arrival.',
      resolve: (q) => q.entries.map((e) => ({ ...e, now: q.now })),
    }),
    inProgress: t.exposeInt('inProgress'),
    queued: t.exposeInt('queued'),
    capacity: t.int({ resolve: (q) => q.station.capacity }),
    loadPercent: t.exposeInt('loadPercent', { description: '(queued + in progress) / capacity × 100; above 100 when work waits.' }),
  }),
});

builder.queryFields((t) => ({
  stationQueue: t.withAuth({ permission: 'stations:read' }).field({
    type: StationQueueRef,
    args: { stationId: t.arg.id({ required: true }) },
    resolve: (_root, args, { db, actor }) => getStationQueue({ db, actor, input: { stationId: String(args.stationId) } }),
  }),
}));
