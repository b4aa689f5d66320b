import type { ItemPlan, PlannedTask } from '../../contracts/kitchen-activities';
import { checkComplete, checkRecall, checkStart } from './checks';
import { ItemModel } from './model';

// The KDS rules on their own, for states the real kitchen only reaches through races
// (a task in progress whose dependency is open again). The workflow tests cover the rest.
function task(id: string, status: PlannedTask['status'], dependsOn: string[] = [], subtasks: PlannedTask['subtasks'] = []): PlannedTask {
  return { id, defId: id, phaseId: 'prep', name: id.toUpperCase(), stationType: 'banco', dependsOn, estimatedMinutes: 1, status, stationId: null, subtasks };
}

function model(tasks: PlannedTask[]): ItemModel {
  const m = new ItemModel('order-1', 'item-1', 0, null);
  const plan: ItemPlan = {
    tenantId: 't',
    orderId: 'order-1',
    orderItemId: 'item-1',
    quantity: 1,
    priority: 0,
    deductPhaseId: 'prep',
    criticalPathMinutes: 3,
    tasks,
  };
  m.load(plan, undefined);
  return m;
}

describe('KDS checks', () => {
  it('rejects completing a task whose dependency is not DONE, naming the dependency and its status', () => {
    const m = model([task('a', 'QUEUED'), task('b', 'IN_PROGRESS', ['a'])]);
    expect(() => checkComplete(m, 'b')).toThrow('Task "B" cannot be completed: it depends on "A" (QUEUED), which must be DONE first');
  });

  it('lists every open required subtask and ignores optional ones', () => {
    const subtasks = [
      { id: 's1', defId: 's1', name: 'Chop', optional: false, completed: false },
      { id: 's2', defId: 's2', name: 'Garnish', optional: true, completed: false },
      { id: 's3', defId: 's3', name: 'Plate', optional: false, completed: false },
    ];
    const m = model([task('a', 'IN_PROGRESS', [], subtasks)]);
    expect(() => checkComplete(m, 'a')).toThrow('required subtasks still open: "Chop", "Plate"');
    subtasks[0].completed = true;
    subtasks[2].completed = true;
    const fresh = model([task('a', 'IN_PROGRESS', [], subtasks)]);
    expect(checkComplete(fresh, 'a').id).toBe('a');
  });

  it('recalls the newest completion by default and refuses when nothing was completed', () => {
    const m = model([task('a', 'QUEUED')]);
    expect(() => checkRecall(m, undefined)).toThrow('Order item item-1 has no completed task to recall');
    const done = model([task('a', 'DONE'), task('b', 'DONE'), task('c', 'QUEUED', ['b'])]);
    expect(checkRecall(done, undefined).id).toBe('b');
  });

  it('rejects actions on a cancelled item with the cancel reason', () => {
    const m = model([task('a', 'QUEUED')]);
    m.phase = 'CANCELLED';
    m.cancelReason = 'customer left';
    expect(() => checkStart(m, 'a')).toThrow('Order item item-1 was cancelled (customer left)');
  });

  it('accepts a start tapped while the ticket is being released, but only in the validator', () => {
    const m = model([task('a', 'DONE'), task('b', 'PENDING', ['a']), task('c', 'PENDING', ['b'])]);
    m.phase = 'FIRED';
    expect(checkStart(m, 'b', true).id).toBe('b');
    expect(() => checkStart(m, 'b')).toThrow('it is not released to a station yet');
    // c still waits for b: not being released, so even the validator refuses it.
    expect(() => checkStart(m, 'c', true)).toThrow('Task "C" cannot be started');
    expect(() => checkComplete(m, 'b')).toThrow('Task "B" cannot be completed: it is QUEUED, not IN_PROGRESS (start it first)');
    expect(() => checkComplete(m, 'c')).toThrow('Task "C" cannot be completed: it is PENDING, not IN_PROGRESS (start it first)');
  });

  it('does not treat tasks of an item that has not fired yet as being released', () => {
    const m = model([task('a', 'PENDING')]);
    m.phase = 'WAITING';
    expect(() => checkStart(m, 'a', true)).toThrow('it is not released to a station yet');
  });
});
