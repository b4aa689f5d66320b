import { shiftCapacitySteps, type SimStation } from '../../domain/eta';
import type { StationShift } from './shift-mirror';

/**
 * The stations as the simulation gets them: each station with shifts gets its capacity as a step
 * function of time (domain/eta/staffing.ts: the people on shift, up to its configured capacity);
 * the others keep their configured capacity. Returns the same objects for stations without shifts.
 */
export function staffedStations(stations: SimStation[], shifts: Iterable<Readonly<StationShift>>, now: number): SimStation[] {
  const byStation = new Map<string, StationShift[]>();
  for (const shift of shifts) {
    const list = byStation.get(shift.stationId);
    if (list) list.push(shift);
    else byStation.set(shift.stationId, [shift]);
  }
  if (byStation.size === 0) return stations;
  return stations.map((s) => {
    const mine = byStation.get(s.id);
    return mine ? { ...s, capacitySteps: shiftCapacitySteps(s.capacity, mine, now) } : s;
  });
}
