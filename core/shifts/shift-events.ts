import type { ShiftChange } from '../../contracts/socket-events';
import type { RealtimeEvents } from '../types';

/**
 * Announces a shift change to the screens that show staffing (the KDS banner, "Today"). The ETA
 * does not need it: its mirror of the kitchen reads the changed shift row on its next run
 * (core/kitchen-read/shift-mirror.ts), in whatever process it runs.
 */
export async function announceShift(
  events: RealtimeEvents | null | undefined,
  tenantId: string,
  shift: { id: string; userId: string; stationId: string | null },
  change: ShiftChange,
  previousStationId: string | null = shift.stationId,
): Promise<void> {
  const stationIds = [...new Set([shift.stationId, previousStationId].filter((s): s is string => s !== null))];
  await events?.toTenant(tenantId).emit('shift:updated', { shiftId: shift.id, userId: shift.userId, stationIds, change });
}
