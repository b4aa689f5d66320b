import type { ServiceOptions } from '../types';

export function listWorkflowTemplates({ db, input }: ServiceOptions<{ category?: string | null }>) {
  return db.workflowTemplate.findMany({
    where: { isActive: true, ...(input.category ? { category: input.category } : {}) },
    orderBy: { name: 'asc' },
  });
}
