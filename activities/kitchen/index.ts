import type { ActivityDeps } from '../../core/kitchen/deps';
import { createItemFireTimeActivities } from '../../core/kitchen/item-fire-time';
import { createOrderPlanActivities } from '../../core/kitchen/order-plan';
import { createOrderStatusActivities } from '../../core/kitchen/order-status';
import { createStationQueueActivities } from '../../core/kitchen/station-queue';
import { createTaskCorrectionActivities } from '../../core/kitchen/task-corrections';
import { withActivityFailures } from '../app-failure';

/** Orders, items and tasks: plans, station queues, corrections and statuses. */
export function createKitchenTaskActivities(deps: ActivityDeps) {
  return withActivityFailures({
    ...createOrderPlanActivities(deps),
    ...createStationQueueActivities(deps),
    ...createTaskCorrectionActivities(deps),
    ...createOrderStatusActivities(deps),
    ...createItemFireTimeActivities(deps),
  });
}
