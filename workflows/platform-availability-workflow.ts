import { condition, continueAsNew, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { PlatformMenuActivities } from '../contracts/platform-activities';
import { PLATFORM_CALL } from './platform-profiles';

/**
 * Keeps one platform's items in line with ours, within seconds: a dish switched off by hand or
 * because an ingredient ran out is suspended on the platform, and restored; a renamed or repriced
 * dish is pushed as an incremental item update. It looks at once on the `availabilityChanged`
 * signal, and every `pollMs` as a safety net, and only pushes differences.
 */
export interface PlatformAvailabilityInput {
  tenantId: string;
  platformId: string;
  pollMs?: number;
  /** What the platform was last told, by product id (carried over by continue-as-new). */
  known?: Record<string, boolean>;
  /** Last pushed content per product (name, price…); absent on the first run. */
  content?: Record<string, string> | null;
}

export const platformAvailabilityWorkflowId = (platformId: string): string => `platform-availability-${platformId}`;
export const availabilityChangedSignal = defineSignal('availabilityChanged');
export const stopAvailabilitySignal = defineSignal('stopAvailability');

/**
 * Changes arrive as the `availabilityChanged` signal the moment a dish is switched (menu service,
 * inventory); the poll only catches what a lost signal or a direct database edit missed.
 */
const SAFETY_NET_POLL_MS = 30_000;

const call = proxyActivities<PlatformMenuActivities>(PLATFORM_CALL);

export async function platformAvailabilityWorkflow(input: PlatformAvailabilityInput): Promise<void> {
  let poke = false;
  let stopped = false;
  setHandler(availabilityChangedSignal, () => void (poke = true));
  setHandler(stopAvailabilitySignal, () => void (stopped = true));
  let known = input.known ?? {};
  let content = input.content ?? null;
  const ref = { tenantId: input.tenantId, platformId: input.platformId };
  while (!stopped) {
    poke = false;
    known = await call.reconcilePlatformAvailability({ ...ref, known });
    content = await call.reconcilePlatformMenuContent({ ...ref, known: content });
    await condition(() => poke || stopped, input.pollMs ?? SAFETY_NET_POLL_MS);
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof platformAvailabilityWorkflow>({ ...input, known, content });
  }
}
