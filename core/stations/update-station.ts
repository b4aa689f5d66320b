import { isUniqueViolation } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { notFound, parseInput, requireId } from '../validate';
import { updateStationSchema } from './station-input';
import { assertStationNameFree, stationNameConflict } from './station-name';

export async function updateStation({ db, actor, input }: ServiceOptions<{ id: string; changes: unknown }>) {
  const id = requireId(input.id, 'Station');
  const changes = parseInput(updateStationSchema, input.changes);
  if (changes.name !== undefined) await assertStationNameFree(db, changes.name, id);
  try {
    return await db.$transaction(async (tx) => {
      // updateMany + count: the scoped where makes a foreign id match nothing, with no exception to decode.
      const { count } = await tx.station.updateMany({ where: { id }, data: changes });
      if (count === 0) throw notFound('Station');
      await recordAudit({ db: tx, actor, action: 'station.update', entityType: 'Station', entityId: id, details: { changes } });
      return tx.station.findUniqueOrThrow({ where: { id } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw stationNameConflict(changes.name ?? '');
    throw err;
  }
}
