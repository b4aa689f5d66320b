import type { ServiceOptions } from '../types';
import { round1 } from './day-range';

export interface StationAnalytics {
  stationId: string;
  name: string;
  queueLength: number;
  inProgress: number;
  capacity: number;
  /** (queued + in progress) / capacity × 100, like `station:load` and `stationQueue`. */
  loadPercent: number;
  /** Mean recorded task duration over the last DURATION_WINDOW_DAYS days; null without history. */
  avgTaskMinutes: number | null;
  /** Minutes the station needs to clear its open work at full capacity. */
  backlogMinutes: number;
  /** The station with the longest backlog (only when there is one): where orders wait. */
  bottleneck: boolean;
}

export const DURATION_WINDOW_DAYS = 7;

/**
 * Load per active station right now. The bottleneck is judged by time, not by ticket count: four
 * one-minute garnishes are not a problem, two twelve-minute bakes on a one-slot oven are. Open
 * work counts at its estimates, or at the station's recent pace where that is slower.
 * Three grouped queries, whatever the number of tasks.
 */
export async function stationAnalytics({ db }: ServiceOptions<unknown>, now: Date = new Date()): Promise<StationAnalytics[]> {
  const since = new Date(now.getTime() - DURATION_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const [stations, open, durations] = await Promise.all([
    db.station.findMany({ where: { isActive: true }, orderBy: [{ displayOrder: 'asc' }, { name: 'asc' }] }),
    db.taskInstance.groupBy({
      by: ['stationId', 'status'],
      where: { stationId: { not: null }, status: { in: ['QUEUED', 'IN_PROGRESS'] } },
      _count: { _all: true },
      _sum: { estimatedMinutes: true },
    }),
    db.taskDuration.groupBy({
      by: ['stationId'],
      where: { stationId: { not: null }, recordedAt: { gte: since } },
      _avg: { durationSeconds: true },
    }),
  ]);
  const avg = new Map(durations.map((d) => [d.stationId, d._avg.durationSeconds]));

  const rows = stations.map((s) => {
    const of = (status: string) => open.find((g) => g.stationId === s.id && g.status === status);
    const queueLength = of('QUEUED')?._count._all ?? 0;
    const inProgress = of('IN_PROGRESS')?._count._all ?? 0;
    const estimated = (of('QUEUED')?._sum.estimatedMinutes?.toNumber() ?? 0) + (of('IN_PROGRESS')?._sum.estimatedMinutes?.toNumber() ?? 0);
    const seconds = avg.get(s.id);
    const avgTaskMinutes = seconds == null ? null : round1(seconds / 60);
    const capacity = Math.max(s.capacity, 1);
    // The plan at least; longer when the station has lately been slower than its estimates.
    const work = Math.max(estimated, avgTaskMinutes === null ? 0 : (queueLength + inProgress) * avgTaskMinutes);
    return {
      stationId: s.id,
      name: s.name,
      queueLength,
      inProgress,
      capacity: s.capacity,
      loadPercent: Math.round(((queueLength + inProgress) / capacity) * 100),
      avgTaskMinutes,
      backlogMinutes: round1(work / capacity),
      bottleneck: false,
    };
  });
  const worst = rows.reduce<StationAnalytics | null>((max, r) => (r.backlogMinutes > (max?.backlogMinutes ?? 0) ? r : max), null);
  if (worst) worst.bottleneck = true;
  return rows;
}
