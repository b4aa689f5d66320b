import type { Recorder } from '../sim/recorder';
import { summarizeLatencies, type LatencySummary } from '../sim/stats';
import type { FloorSample } from './drivers';
import type { LadderResult } from './ladder';

/**
 * The two event latencies at K = 1 (one order in flight, empty kitchen) on both sides of the
 * throughput ratio: ours over Socket.io from the API call, no-op at the enqueue hook from the
 * Temporal call. The no-op numbers are what the workflows cost on this Temporal server with
 * activities that do nothing, so they show how much of our latency is the platform's floor.
 */
type Kind = 'first task queued' | 'dependent queued';
export type LowLoadLatency = Record<'ours' | 'noop', Record<Kind, LatencySummary>>;

export function lowLoadLatencies(ours: LadderResult, recorder: Recorder, noop: LadderResult, samples: FloorSample[]): LowLoadLatency {
  const inStep = (ladder: LadderResult, at: number) => {
    const first = ladder.steps[0];
    return first !== undefined && at >= first.startedAt && at <= first.endedAt;
  };
  const oursOf = (kind: string) =>
    recorder.marks.flatMap((m) => {
      const seen = recorder.seen.get(m.eventKey);
      return m.kind === kind && seen !== undefined && inStep(ours, m.sentAt) ? [seen - m.sentAt] : [];
    });
  const noopOf = (kind: Kind) => samples.filter((s) => s.kind === kind && inStep(noop, s.at)).map((s) => s.ms);
  return {
    ours: {
      'first task queued': summarizeLatencies(oursOf('createOrder → first task queued')),
      'dependent queued': summarizeLatencies(oursOf('completeTask → dependent queued')),
    },
    noop: { 'first task queued': summarizeLatencies(noopOf('first task queued')), 'dependent queued': summarizeLatencies(noopOf('dependent queued')) },
  };
}
