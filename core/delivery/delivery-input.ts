import { z } from 'zod';
import { multilineText } from '../../domain/input/text';

/** How far ahead the dispatch board looks at orders still in the kitchen. */
export const DEFAULT_DISPATCH_WINDOW_MINUTES = 20;

export const dispatchBoardSchema = z.object({
  withinMinutes: z
    .number()
    .int('must be a whole number of minutes')
    .min(0, 'must be 0 or more')
    .max(240, 'must be at most 240')
    .nullish()
    .transform((v) => v ?? DEFAULT_DISPATCH_WINDOW_MINUTES),
});

export const failDeliverySchema = z.object({ reason: multilineText(500).min(1, 'say why the delivery failed') });
