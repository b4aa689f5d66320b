import { learnPace, type Learned } from '../../domain/eta';
import { queryStationSamples } from '../kitchen-read/learned-samples-sql';
import type { ServiceOptions } from '../types';

/**
 * How much slower (> 1) or faster than the recipes' estimates the station works, learned from
 * its recent plausible durations of every dish, as the ETA uses it for dishes it has no history
 * of there; null until one was recorded.
 */
export async function getStationPace({ db, actor, input }: ServiceOptions<{ stationId: string }>): Promise<Learned | null> {
  const [row] = await queryStationSamples(db, actor.tenantId, input.stationId);
  return row ? learnPace(row.samples) : null;
}
