// Test-only workflow: the smallest real round trip (workflow → activity → result).
import { proxyActivities } from '@temporalio/workflow';
import type { createGreetActivities } from './greet-activities';

const { greet } = proxyActivities<ReturnType<typeof createGreetActivities>>({
  startToCloseTimeout: '10 seconds',
});

export async function greetWorkflow(name: string): Promise<string> {
  return await greet(name);
}
