import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { notifyAvailabilityChanged } from '../../core/platforms/notify-availability';
import type { Db } from '../../db/client';

/**
 * For kitchen activities that switch dishes on or off (inventory deductions and returns): wakes
 * the platforms' availability followers through the worker's own Temporal client. Called outside
 * an activity (a unit test driving the activity functions directly) there is no client, and the
 * followers' poll is the only path, as before.
 */
export async function notifyPlatformsFromActivity(prisma: Db, tenantId: string): Promise<void> {
  await notifyAvailabilityChanged({ db: prisma, client: activityClient(), tenantId });
}

function activityClient(): Client | null {
  try {
    return Context.current().client;
  } catch {
    return null;
  }
}
