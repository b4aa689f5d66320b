import type { ServiceOptions } from '../types';
import { notFound, requireId } from '../validate';
import { taskInclude, taskNode, type TaskNode } from './task-node';

export async function getTask({ db, input }: ServiceOptions<{ id: string }>): Promise<TaskNode> {
  const row = await db.taskInstance.findUnique({ where: { id: requireId(input.id, 'Task') }, include: taskInclude });
  if (!row) throw notFound('Task');
  return taskNode(row);
}
