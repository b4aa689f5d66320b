import type { ServiceOptions } from '../types';
import { notFound, requireId } from '../validate';

export async function getWorkflowTemplate({ db, input }: ServiceOptions<{ id: string }>) {
  const template = await db.workflowTemplate.findUnique({ where: { id: requireId(input.id, 'Workflow template') } });
  if (!template) throw notFound('Workflow template');
  return template;
}

/** Published versions, newest first. Immutable: orders pin the version they were cooked with. */
export function listWorkflowVersions({ db, input }: ServiceOptions<{ templateId: string }>) {
  return db.workflowTemplateVersion.findMany({ where: { templateId: input.templateId }, orderBy: { version: 'desc' } });
}
