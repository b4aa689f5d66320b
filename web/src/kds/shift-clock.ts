import type { MyShift } from './shift-api';

/** As the API allows it (core/shifts/own-shift.ts): from an hour before a shift starts. */
export const CLOCK_IN_EARLY_MS = 60 * 60_000;

export type ClockAction = { kind: 'out'; shift: MyShift } | { kind: 'in'; shift: MyShift } | { kind: 'none' };

/** What the signed-in cook's clock button offers now: out of the shift they are clocked in to, else in to the one due. */
export function clockAction(shifts: readonly MyShift[], now: number): ClockAction {
  const clockedIn = shifts.find((s) => s.clockedInAt && !s.clockedOutAt);
  if (clockedIn) return { kind: 'out', shift: clockedIn };
  const due = shifts.find((s) => !s.clockedInAt && Date.parse(s.startsAt) - CLOCK_IN_EARLY_MS <= now && now < Date.parse(s.endsAt));
  return due ? { kind: 'in', shift: due } : { kind: 'none' };
}
