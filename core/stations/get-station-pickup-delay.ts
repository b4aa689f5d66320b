import { learnPickupDelay, type Learned } from '../../domain/eta';
import { queryStationPickupRows } from '../kitchen-read/pickup-rows-sql';
import type { ServiceOptions } from '../types';

/**
 * How long a ticket waits at this station, once it has a slot for it, before a cook starts it:
 * learned from its last finished tasks against its configured capacity, in seconds, as the ETA
 * runs learn it (core/kitchen-read/learned-durations.ts); null until one could be told.
 */
export async function getStationPickupDelay({ db, actor, input }: ServiceOptions<{ stationId: string }>): Promise<Learned | null> {
  const [station] = await queryStationPickupRows(db, actor.tenantId, input.stationId);
  const learned = station ? learnPickupDelay(station.rows, station.capacity) : null;
  return learned && { ...learned, value: learned.value / 1000, p10: learned.p10 / 1000, p90: learned.p90 / 1000 };
}
