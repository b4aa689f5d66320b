import { categoryFilterSchema } from '../menu/menu-input';
import type { ServiceOptions } from '../types';
import { parseInput } from '../validate';

export function listWorkflowTemplates({ db, input }: ServiceOptions<{ category?: string | null }>) {
  const { category } = parseInput(categoryFilterSchema, { category: input.category });
  return db.workflowTemplate.findMany({
    where: { isActive: true, ...(category ? { category } : {}) },
    orderBy: { name: 'asc' },
  });
}
