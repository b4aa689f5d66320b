import type { QueueTicket, StationQueueData } from '../kds/kds-api';

/** Test data for the KDS tests: tickets as the API returns them. */
export const STATION = 'station-forno';

let n = 0;
export function ticket(over: Partial<QueueTicket> = {}): QueueTicket {
  n += 1;
  return {
    id: `task-${n}`,
    status: 'QUEUED',
    name: 'Inforna',
    orderId: `order-${n}`,
    orderNumber: 100 + n,
    priority: 0,
    itemName: 'Margherita',
    quantity: 1,
    label: 'Margherita × 1',
    modifications: null,
    modifiers: [],
    notes: null,
    orderNotes: null,
    customerName: null,
    allergens: [],
    elapsedSeconds: 0,
    estimatedMinutes: 8,
    plannedStartAt: null,
    queuedAt: null,
    startedAt: null,
    downstream: [],
    task: { orderItem: { id: `item-${n}` }, downstream: [] },
    subtasks: [],
    ...over,
  };
}

export function queueOf(tasks: QueueTicket[]): StationQueueData {
  const inProgress = tasks.filter((t) => t.status === 'IN_PROGRESS').length;
  return {
    station: { id: STATION, name: 'Forno', capacity: 2 },
    tasks,
    inProgress,
    queued: tasks.length - inProgress,
    loadPercent: Math.round((tasks.length / 2) * 100),
  };
}
