import { z } from 'zod';

export const createBoardScreenSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(100),
});
