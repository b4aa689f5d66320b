import type { ServiceOptions } from '../types';
import { notFound, requireId } from '../validate';

/** Another tenant's station is invisible to the scoped client, so it is NOT_FOUND like a missing one. */
export async function getStation({ db, input }: ServiceOptions<{ id: string }>) {
  const station = await db.station.findUnique({ where: { id: requireId(input.id, 'Station') } });
  if (!station) throw notFound('Station');
  return station;
}
