import type { TaskStatusName } from '../../../contracts/socket-events';

/** One ticket, as `stationQueue` returns it (api/graphql/schema/station-queue.ts). */
export interface QueueTicket {
  id: string;
  status: TaskStatusName;
  name: string;
  orderId: string;
  orderNumber: number;
  priority: number;
  itemName: string;
  quantity: number;
  label: string;
  modifications: string | null;
  notes: string | null;
  orderNotes: string | null;
  customerName: string | null;
  allergens: string[];
  elapsedSeconds: number;
  estimatedMinutes: number;
  plannedStartAt: string | null;
  queuedAt: string | null;
  startedAt: string | null;
  downstream: string[];
  /** The order item: a task per recipe step, so all-day counts count items, not tasks. */
  task: { orderItem: { id: string }; downstream?: Array<{ name: string; stationType: string; stationName: string | null }> };
  subtasks: Array<{ id: string; name: string; optional: boolean; completed: boolean }>;
}

export interface StationQueueData {
  station: { id: string; name: string; capacity: number };
  tasks: QueueTicket[];
  inProgress: number;
  queued: number;
  loadPercent: number;
}

/** The cached queue plus when it arrived (client clock): ticket timers count on from there. */
export type CachedQueue = StationQueueData & { receivedAt: number };

export const queueKey = (stationId: string) => ['stationQueue', stationId] as const;

export const STATION_QUEUE_QUERY = `query StationQueue($stationId: ID!) {
  stationQueue(stationId: $stationId) {
    station { id name capacity }
    inProgress queued loadPercent
    tasks {
      id status name orderId orderNumber priority itemName quantity label modifications notes orderNotes customerName
      allergens elapsedSeconds estimatedMinutes plannedStartAt queuedAt startedAt downstream task { orderItem { id } downstream { name stationType stationName } }
      subtasks { id name optional completed }
    }
  }
}`;

export interface KdsStation {
  id: string;
  name: string;
  capacity: number;
  taskTypes: string[];
  displayOrder: number;
}

export const KDS_STATIONS_KEY = ['stations', 'kds'] as const;
export const KDS_STATIONS_QUERY = `query KdsStations { stations { id name capacity taskTypes displayOrder } }`;

const TASK_FIELDS = 'id status';
export const START_TASK = `mutation StartTask($id: ID!) { startTask(id: $id) { ${TASK_FIELDS} } }`;
export const COMPLETE_TASK = `mutation CompleteTask($id: ID!) { completeTask(id: $id) { ${TASK_FIELDS} } }`;
export const RECALL_TASK = `mutation RecallTask($id: ID!) { recallTask(id: $id) { ${TASK_FIELDS} } }`;
export const COMPLETE_SUBTASK = `mutation CompleteSubtask($taskId: ID!, $subtaskId: ID!) {
  completeSubtask(taskId: $taskId, subtaskId: $subtaskId) { ${TASK_FIELDS} subtasks { id completed } }
}`;

/** Every task of one order across all stations: the expo (pass) view. */
export interface ExpoOrder {
  id: string;
  orderNumber: number;
  status: string;
  customerName: string | null;
  estimatedReadyAt: string | null;
  items: Array<{
    id: string;
    name: string;
    quantity: number;
    status: string;
    tasks: Array<{ id: string; name: string; status: TaskStatusName; station: { id: string; name: string } | null }>;
  }>;
}

export const expoKey = (orderId: string) => ['orders', 'expo', orderId] as const;
export const EXPO_ORDER_QUERY = `query ExpoOrder($id: ID!) {
  order(id: $id) {
    id orderNumber status customerName estimatedReadyAt
    items { id name quantity status tasks { id name status station { id name } } }
  }
}`;
