/** The GraphQL operations the simulator and the bench send (the public API, nothing else). */

export const MENU_AND_STATIONS = `query MenuAndStations {
  menuItems { id name category isAvailable workflowTemplate { id } }
  stations { id name capacity taskTypes }
}`;

export const ETA_QUOTE = `query Quote($items: [OrderItemInput!]!) { etaQuote(items: $items) { readyAt minutes } }`;

export const CREATE_ORDER = `mutation CreateOrder($input: CreateOrderInput!) {
  createOrder(input: $input) { id orderNumber createdAt estimatedReadyAt items { id } }
}`;

export const STATION_QUEUE = `query Queue($stationId: ID!) {
  stationQueue(stationId: $stationId) {
    capacity inProgress queued
    tasks { id status orderId estimatedMinutes priority plannedStartAt subtasks { id optional completed } }
  }
}`;

// Each action asks for what its caller uses, as the KDS tablet does: a start, the checklist to
// tick; a bump, the dependents it released (for the completeTask → dependent latency).
export const START_TASK = `mutation Start($id: ID!) { startTask(id: $id) { id status startedAt subtasks { id optional completed } } }`;
export const COMPLETE_TASK = `mutation Complete($id: ID!) { completeTask(id: $id) { id status completedAt downstream { id status } } }`;
export const COMPLETE_SUBTASK = `mutation Sub($taskId: ID!, $subtaskId: ID!) { completeSubtask(taskId: $taskId, subtaskId: $subtaskId) { id } }`;

export const ORDER_RESULT = `query OrderResult($id: ID!) {
  order(id: $id) {
    id status createdAt requestedAt estimatedReadyAt actualReadyAt isLate delayMinutes priority
    items { id status isLate quantity tasks { id status queuedAt startedAt completedAt station { id name } } }
  }
}`;

export const CANCEL_ORDER = `mutation Cancel($id: ID!, $reason: String!) { cancelOrder(id: $id, reason: $reason) { id status } }`;

export interface QueueEntry {
  id: string;
  status: string;
  orderId: string;
  estimatedMinutes: number;
  priority: number;
  plannedStartAt: string | null;
  subtasks: Array<{ id: string; optional: boolean; completed: boolean }>;
}

export interface StationQueueData {
  stationQueue: { capacity: number; inProgress: number; queued: number; tasks: QueueEntry[] };
}

export interface StartedTask {
  id: string;
  status: string;
  startedAt: string | null;
  subtasks: Array<{ id: string; optional: boolean; completed: boolean }>;
}

export interface CompletedTask {
  id: string;
  status: string;
  completedAt: string | null;
  downstream: Array<{ id: string; status: string }>;
}

export interface OrderResult {
  id: string;
  status: string;
  createdAt: string;
  requestedAt: string | null;
  estimatedReadyAt: string | null;
  actualReadyAt: string | null;
  isLate: boolean;
  delayMinutes: number;
  priority: number;
  items: Array<{
    id: string;
    status: string;
    isLate: boolean;
    quantity: number;
    tasks: Array<{
      id: string;
      status: string;
      queuedAt: string | null;
      startedAt: string | null;
      completedAt: string | null;
      station: { id: string; name: string } | null;
    }>;
  }>;
}
