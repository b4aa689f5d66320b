import { z } from 'zod';
import { SHIFT_LOOKBACK_MS } from '../../domain/eta';
import { Prisma } from '../../prisma/generated/client';

/**
 * The shifts part of the kitchen mirror (kitchen-mirror.ts): the shifts at stations that can still
 * shape a station's capacity, read in the same statement as the rest of the kitchen, whole or only
 * the rows written since the previous read (a shift row is stamped with changed_xid like a task).
 * A shift change is therefore seen by the very next ETA run of every worker, without a query of
 * its own and without a message between processes: the row's stamp is the change event.
 */

/** One person's time at a station as the forecast counts it (core/shifts/shift-include.ts effectiveSpan). */
export interface StationShift {
  id: string;
  stationId: string;
  startsAt: number;
  endsAt: number;
}

/** Epoch milliseconds of a timestamp expression (see kitchen-mirror.ts epochMs). */
const epochMs = (expression: string) => Prisma.raw(`(extract(epoch from ${expression}) * 1000)::float8`);

export const ShiftReadRow = z.object({
  id: z.string(),
  stationId: z.string().nullable(),
  /** Active, at a station, and its user still active: otherwise it leaves the mirror. */
  counts: z.boolean(),
  startsAt: z.number(),
  endsAt: z.number(),
});

/**
 * The JSON array of shifts for one read: on a delta read every shift row written since `horizon`
 * (whatever it became), on a whole read the counting shifts that end after `now` - SHIFT_LOOKBACK_MS.
 */
export function shiftsSql(tenantId: string, delta: { horizon: string } | undefined, now: number): Prisma.Sql {
  const which = delta
    ? Prisma.sql`s.changed_xid >= ${delta.horizon}::xid8`
    : Prisma.sql`s.is_active AND s.station_id IS NOT NULL AND s.ends_at > to_timestamp(${(now - SHIFT_LOOKBACK_MS) / 1000}::float8)`;
  return Prisma.sql`
      (SELECT coalesce(json_agg(json_build_object('id', s.id, 'stationId', s.station_id, 'counts', s.is_active AND u.is_active AND s.station_id IS NOT NULL,
                                                  'startsAt', ${epochMs('LEAST(s.starts_at, coalesce(s.clocked_in_at, s.starts_at))')},
                                                  'endsAt', ${epochMs('LEAST(s.ends_at, coalesce(s.clocked_out_at, s.ends_at))')})), '[]')
       FROM shifts s JOIN users u ON u.id = s.user_id AND u.tenant_id = s.tenant_id
       WHERE s.tenant_id = ${tenantId}::uuid AND ${which})`;
}

/** Applies one read's shift rows to the mirror's shifts, and drops those that ended before the lookback. */
export function applyShifts(shifts: Map<string, Readonly<StationShift>>, rows: ReadonlyArray<z.output<typeof ShiftReadRow>>, now: number): void {
  for (const { counts, stationId, ...shift } of rows) {
    if (counts && stationId) shifts.set(shift.id, { ...shift, stationId });
    else shifts.delete(shift.id);
  }
  for (const [id, shift] of shifts) if (shift.endsAt <= now - SHIFT_LOOKBACK_MS) shifts.delete(id);
}
