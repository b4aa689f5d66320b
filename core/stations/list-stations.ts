import type { ServiceOptions } from '../types';

export function listStations({ db, input }: ServiceOptions<{ includeInactive?: boolean | null }>) {
  return db.station.findMany({
    where: input.includeInactive ? {} : { isActive: true },
    orderBy: [{ displayOrder: 'asc' }, { name: 'asc' }],
  });
}
