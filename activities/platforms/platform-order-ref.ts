import { Context } from '@temporalio/activity';
import { systemActor, type SystemActor } from '../../core/types';

/** Platform orders are taken by the system, not a user: audit rows say `system:platform` via the platform's name. */
export function platformActor(tenantId: string, platformName: string): SystemActor {
  return systemActor(tenantId, 'platform', platformName);
}

/** The order workflow's kitchen handle: the worker's own client and task queue. */
export function kitchenFromContext() {
  const ctx = Context.current();
  return { client: ctx.client, taskQueue: ctx.info.taskQueue };
}
