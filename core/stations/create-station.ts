import { isUniqueViolation } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { parseInput } from '../validate';
import { createStationSchema } from './station-input';
import { assertStationNameFree, stationNameConflict } from './station-name';

export async function createStation({ db, actor, input }: ServiceOptions<unknown>) {
  const data = parseInput(createStationSchema, input);
  await assertStationNameFree(db, data.name);
  try {
    return await db.$transaction(async (tx) => {
      const station = await tx.station.create({ data: { ...data, tenantId: actor.tenantId } });
      await recordAudit({ db: tx, actor, action: 'station.create', entityType: 'Station', entityId: station.id, details: data });
      return station;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw stationNameConflict(data.name);
    throw err;
  }
}
