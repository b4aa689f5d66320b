import { graphql, type ResultOf } from '../api/graphql';

export const queueKey = (stationId: string) => ['stationQueue', stationId] as const;

/** One station's tickets (api/graphql/schema/station-queue.ts). */
export const STATION_QUEUE_QUERY = graphql(`
  query StationQueue($stationId: ID!) {
    stationQueue(stationId: $stationId) {
      station {
        id
        name
        capacity
      }
      inProgress
      queued
      loadPercent
      tasks {
        id
        status
        name
        orderId
        orderNumber
        priority
        itemName
        quantity
        label
        modifications
        modifiers
        notes
        orderNotes
        customerName
        allergens
        elapsedSeconds
        estimatedMinutes
        plannedStartAt
        queuedAt
        startedAt
        downstream
        task {
          orderItem {
            id
          }
          downstream {
            name
            stationType
            stationName
          }
        }
        subtasks {
          id
          name
          optional
          completed
        }
      }
    }
  }
`);

export type StationQueueData = ResultOf<typeof STATION_QUEUE_QUERY>['stationQueue'];
/** One ticket. `task.orderItem` is the order item: a task per recipe step, so all-day counts count items, not tasks. */
export type QueueTicket = StationQueueData['tasks'][number];

/** The cached queue plus when it arrived (client clock): ticket timers count on from there. */
export type CachedQueue = StationQueueData & { receivedAt: number };

export const KDS_STATIONS_KEY = ['stations', 'kds'] as const;
export const KDS_STATIONS_QUERY = graphql(`
  query KdsStations {
    stations {
      id
      name
      capacity
      taskTypes
      displayOrder
    }
  }
`);
export type KdsStation = ResultOf<typeof KDS_STATIONS_QUERY>['stations'][number];

const TaskFields = graphql(`
  fragment TaskFields on TaskInstance {
    id
    status
  }
`);
export const START_TASK = graphql(
  `
    mutation StartTask($id: ID!) {
      startTask(id: $id) {
        ...TaskFields
      }
    }
  `,
  [TaskFields],
);
export const UNDO_START_TASK = graphql(
  `
    mutation UndoStartTask($id: ID!) {
      undoStartTask(id: $id) {
        ...TaskFields
      }
    }
  `,
  [TaskFields],
);
export const COMPLETE_TASK = graphql(
  `
    mutation CompleteTask($id: ID!) {
      completeTask(id: $id) {
        ...TaskFields
      }
    }
  `,
  [TaskFields],
);
export const RECALL_TASK = graphql(
  `
    mutation RecallTask($id: ID!) {
      recallTask(id: $id) {
        ...TaskFields
      }
    }
  `,
  [TaskFields],
);
export const COMPLETE_SUBTASK = graphql(
  `
    mutation CompleteSubtask($taskId: ID!, $subtaskId: ID!) {
      completeSubtask(taskId: $taskId, subtaskId: $subtaskId) {
        ...TaskFields
        subtasks {
          id
          completed
        }
      }
    }
  `,
  [TaskFields],
);
