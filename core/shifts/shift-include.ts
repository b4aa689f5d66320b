import type { Prisma } from '../../prisma/generated/client';

/** What every shift answer carries: who (never their email or login), and where. */
export const shiftInclude = {
  user: { select: { id: true, name: true, role: true, isActive: true } },
  station: true,
} satisfies Prisma.ShiftInclude;

export type ShiftWithPeople = Prisma.ShiftGetPayload<{ include: typeof shiftInclude }>;

/**
 * When the person is at work as the kitchen counts it: the plan, started earlier by an early
 * clock-in and ended earlier by an early clock-out. Staying late is not planned capacity (and a
 * clock-out forgotten until the next day must not keep a station staffed all night). The same rule
 * is in SQL in core/kitchen-read/shift-mirror.ts and db/sql/kds_queue_task.sql.
 */
export function effectiveSpan(shift: { startsAt: Date; endsAt: Date; clockedInAt: Date | null; clockedOutAt: Date | null }): { startsAt: Date; endsAt: Date } {
  const startsAt = shift.clockedInAt && shift.clockedInAt < shift.startsAt ? shift.clockedInAt : shift.startsAt;
  const endsAt = shift.clockedOutAt && shift.clockedOutAt < shift.endsAt ? shift.clockedOutAt : shift.endsAt;
  return { startsAt, endsAt };
}

export function isOnShift(shift: Parameters<typeof effectiveSpan>[0], at: Date): boolean {
  const { startsAt, endsAt } = effectiveSpan(shift);
  return startsAt <= at && at < endsAt;
}
