import { proxyActivities } from '@temporalio/workflow';
import type { PlatformMenuActivities } from '../contracts/platform-activities';
import { PLATFORM_CALL } from './platform-profiles';

/** Tells one platform our store status (online, paused, busy + extra minutes), retrying per PLATFORM_CALL. */
export interface PlatformStoreStatusInput {
  tenantId: string;
  platformId: string;
}

const call = proxyActivities<PlatformMenuActivities>(PLATFORM_CALL);

export async function platformStoreStatusWorkflow(input: PlatformStoreStatusInput): Promise<{ status: string; extraMinutes: number }> {
  return call.pushStoreStatus(input);
}
