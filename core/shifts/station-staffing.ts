import { capacityAt, SHIFT_LOOKBACK_MS, shiftCapacitySteps, staffedFrom } from '../../domain/eta';
import type { TenantDb } from '../../db/tenant-scope';
import { effectiveSpan } from './shift-include';

export interface StationStaffing {
  /** Shifts are planned at the station (domain/eta/staffing.ts), so its capacity follows them. */
  followsShifts: boolean;
  /** People on shift there now. */
  onShiftNow: number;
  /** Tasks it can run at once now: its configured capacity, or the people on shift up to it. */
  capacityNow: number;
  /** Nobody on shift now: when the next shift there starts (null: none planned, or someone is on now). */
  staffedFrom: Date | null;
}

/** Whether a station is staffed now, by the rule the ETA simulates (for the KDS banner and the stations list). */
export async function stationStaffing(db: TenantDb, station: { id: string; capacity: number }, now: Date = new Date()): Promise<StationStaffing> {
  const shifts = await db.shift.findMany({
    where: { stationId: station.id, isActive: true, user: { isActive: true }, endsAt: { gt: new Date(now.getTime() - SHIFT_LOOKBACK_MS) } },
    select: { startsAt: true, endsAt: true, clockedInAt: true, clockedOutAt: true },
  });
  const spans = shifts.map((s) => {
    const span = effectiveSpan(s);
    return { startsAt: span.startsAt.getTime(), endsAt: span.endsAt.getTime() };
  });
  const t = now.getTime();
  const stepped = { capacity: station.capacity, capacitySteps: shiftCapacitySteps(station.capacity, spans, t) };
  const capacityNow = capacityAt(stepped, t);
  const next = capacityNow >= 1 ? null : staffedFrom(stepped, t);
  return {
    followsShifts: spans.length > 0,
    onShiftNow: spans.filter((s) => s.startsAt <= t && t < s.endsAt).length,
    capacityNow,
    staffedFrom: next === null ? null : new Date(next),
  };
}
