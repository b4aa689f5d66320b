import type { ServiceOptions } from '../types';
import { notFound, requireId } from '../validate';
import { ownTaskInclude, ownTaskNode, taskInclude, taskNode, type CardScope, type TaskNode } from './task-node';

export async function getTask({ db, input, card = 'full' }: ServiceOptions<{ id: string }> & { card?: CardScope }): Promise<TaskNode> {
  const id = requireId(input.id, 'Task');
  // A read proves the task exists in this tenant, so even an id-only answer reads the row.
  if (card === 'own' || card === 'id') {
    const own = await db.taskInstance.findUnique({ where: { id }, include: ownTaskInclude });
    if (!own) throw notFound('Task');
    return ownTaskNode(own);
  }
  const row = await db.taskInstance.findUnique({ where: { id }, include: taskInclude });
  if (!row) throw notFound('Task');
  return taskNode(row);
}
