import { z } from 'zod';
import { safeText, TEXT_LIMITS } from '../../domain/input/text';

/** Task types are the join key between recipes (station_type) and stations, so keep them canonical. */
const taskType = z
  .string()
  .max(TEXT_LIMITS.label)
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, "-" or "_"), e.g. "forno"');

const fields = {
  name: safeText(TEXT_LIMITS.label).min(1, 'must not be empty'),
  capacity: z.number().int().min(1).max(50),
  taskTypes: z
    .array(taskType)
    .min(1, 'needs at least one task type')
    .max(20)
    .transform((types) => [...new Set(types)]),
  displayOrder: z.number().int().min(0).max(10_000),
};

export const createStationSchema = z.object({
  name: fields.name,
  capacity: fields.capacity.default(1),
  taskTypes: fields.taskTypes,
  displayOrder: fields.displayOrder.default(0),
});

export const updateStationSchema = z.object({
  name: fields.name.optional(),
  capacity: fields.capacity.optional(),
  taskTypes: fields.taskTypes.optional(),
  displayOrder: fields.displayOrder.optional(),
  isActive: z.boolean().optional(),
});
