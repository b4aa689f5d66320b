import { z } from 'zod';

/** Longest shift that can be planned: a double with its break fits, a typo of a day too many does not. */
export const MAX_SHIFT_HOURS = 16;

/** Dates a timestamptz holds and a week view can show; anything else is a typo. */
const when = z
  .date()
  .refine((d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, 'must be a date between 2000 and 2100');

/** Ends after it starts, and not more than MAX_SHIFT_HOURS later. */
export function checkSpan(span: { startsAt: Date; endsAt: Date }, ctx: z.RefinementCtx): void {
  const hours = (span.endsAt.getTime() - span.startsAt.getTime()) / 3_600_000;
  if (hours <= 0) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt: a shift cannot end before it starts' });
  else if (hours > MAX_SHIFT_HOURS) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: `must be at most ${MAX_SHIFT_HOURS} hours after startsAt` });
}

export const shiftSpanSchema = z.object({ startsAt: when, endsAt: when }).superRefine(checkSpan);

/** The changes an update may carry; ids are checked by the service (a malformed one is NOT_FOUND). */
export const updateShiftSchema = z.object({
  userId: z.string().optional(),
  stationId: z.string().nullable().optional(),
  startsAt: when.optional(),
  endsAt: when.optional(),
});

export const weekOfSchema = z.object({ weekOf: when });
