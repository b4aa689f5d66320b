// The staffing rule: how the shifts planned at a station become its capacity over time.
import { slots } from './capacity';
import type { CapacityStep } from './types';

/**
 * A station's capacity follows its shifts while it has one that ended less than this long ago, or a
 * later one: a kitchen that plans shifts has nobody at a station it planned nobody for today, and
 * one that stopped planning a week ago is back to its configured capacities.
 */
export const SHIFT_LOOKBACK_MS = 7 * 24 * 60 * 60_000;

/** One person's time on shift at a station, epoch milliseconds, [startsAt, endsAt). */
export interface ShiftSpan {
  startsAt: number;
  endsAt: number;
}

/**
 * A station whose capacity follows its shifts has, at each instant, as many slots as people on
 * shift there, capped at its configured capacity: that number is its equipment (two cooks at a
 * one-burner grill still grill one thing at a time). With nobody on shift it has none and takes no
 * new work. The steps start at `from` (the count then) and change wherever a shift starts or ends,
 * down to 0 after the last one; a tenant or station without shifts gets no steps at all (its
 * configured capacity stands, see the caller).
 */
export function staffedCapacitySteps(configured: number, shifts: ReadonlyArray<ShiftSpan>, from: number): CapacityStep[] {
  const cap = slots(configured);
  const delta = new Map<number, number>();
  let onShift = 0;
  for (const { startsAt, endsAt } of shifts) {
    if (!(endsAt > startsAt) || endsAt <= from) continue;
    if (startsAt <= from) onShift += 1;
    else delta.set(startsAt, (delta.get(startsAt) ?? 0) + 1);
    delta.set(endsAt, (delta.get(endsAt) ?? 0) - 1);
  }
  const steps: CapacityStep[] = [{ from, capacity: Math.min(cap, onShift) }];
  for (const at of [...delta.keys()].sort((a, b) => a - b)) {
    onShift += delta.get(at)!;
    const capacity = Math.min(cap, onShift);
    if (capacity !== steps[steps.length - 1].capacity) steps.push({ from: at, capacity });
  }
  return steps;
}

/**
 * A station's capacity steps from the shifts planned there (the ones that can still matter). No
 * shifts: no steps, and its configured capacity stands, as for a tenant that plans none. Otherwise
 * it follows its shifts from the start of the first one: a plan that begins next week changes
 * nothing before next week.
 */
export function shiftCapacitySteps(configured: number, shifts: ReadonlyArray<ShiftSpan>, now: number): CapacityStep[] {
  if (shifts.length === 0) return [];
  let first = Infinity;
  for (const shift of shifts) first = Math.min(first, shift.startsAt);
  return staffedCapacitySteps(configured, shifts, Math.max(now, first));
}
