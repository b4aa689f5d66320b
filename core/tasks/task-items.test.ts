import { knownTaskItem, rememberOrderTasks, rememberTaskItem } from './task-items';

describe('task → item memory', () => {
  it("remembers an order's tasks for its own tenant only", () => {
    rememberOrderTasks('tenant-a', [
      { id: 'item-1', tasks: [{ id: 'task-1' }, { id: 'task-2' }] },
      { id: 'item-2', tasks: [{ id: 'task-3' }] },
    ]);
    expect(knownTaskItem('tenant-a', 'task-2')).toBe('item-1');
    expect(knownTaskItem('tenant-a', 'task-3')).toBe('item-2');
    expect(knownTaskItem('tenant-b', 'task-2')).toBeUndefined();
    expect(knownTaskItem('tenant-a', 'task-9')).toBeUndefined();
  });

  it('forgets the least recently used first once full', () => {
    rememberTaskItem('tenant-c', 'first', 'item-x');
    for (let i = 0; i < 10_000; i++) rememberTaskItem('tenant-c', `t${i}`, 'item-y');
    expect(knownTaskItem('tenant-c', 'first')).toBeUndefined();
    expect(knownTaskItem('tenant-c', 't9999')).toBe('item-y');
  });
});
