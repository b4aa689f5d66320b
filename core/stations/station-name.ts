import { AppError } from '../../contracts/errors';
import type { TenantTx } from '../types';

/**
 * Names are unique per tenant ignoring case ("Forno" vs "forno" would confuse the KDS); the
 * database's case-sensitive unique index still backs this up against races.
 */
export async function assertStationNameFree(db: Pick<TenantTx, 'station'>, name: string, exceptId?: string) {
  const clash = await db.station.findFirst({
    where: { name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true, isActive: true },
  });
  if (clash) throw stationNameConflict(name, clash.isActive);
}

export function stationNameConflict(name: string, active = true): AppError {
  const hint = active ? '' : ' (it is deactivated: reactivate it instead)';
  return new AppError('CONFLICT', `A station named "${name}" already exists${hint}`, { field: 'name' });
}
