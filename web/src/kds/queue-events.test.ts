import fc from 'fast-check';
import type { TaskStatusName } from '../../../contracts/socket-events';
import { reconcileQueue, type QueueEvent } from './queue-events';
import { queueOf, STATION, ticket } from '../test-support/kds-tickets';

const updated = (taskId: string, status: TaskStatusName, stationId: string | null = STATION): QueueEvent => ({
  type: 'task:updated',
  payload: { taskId, status, stationId, orderId: 'o', orderItemId: 'i' },
});

describe('KDS queue reconciliation', () => {
  it('removes a bumped or cancelled ticket at once and asks for a refetch', () => {
    const [a, b] = [ticket({ status: 'IN_PROGRESS' }), ticket()];
    const done = reconcileQueue(
      queueOf([a, b]),
      { type: 'task:completed', payload: { taskId: a.id, orderId: 'o', stationId: STATION, completedBy: null } },
      STATION,
    );
    expect(done.queue.tasks.map((t) => t.id)).toEqual([b.id]);
    expect(done.queue).toMatchObject({ inProgress: 0, queued: 1 });
    expect(done.refetch).toBe(true);
    expect(reconcileQueue(queueOf([a, b]), updated(b.id, 'CANCELLED'), STATION).queue.tasks.map((t) => t.id)).toEqual([a.id]);
  });

  it('moves a started ticket in front of the waiting ones', () => {
    const [a, b] = [ticket(), ticket()];
    const { queue } = reconcileQueue(queueOf([a, b]), updated(b.id, 'IN_PROGRESS'), STATION);
    expect(queue.tasks.map((t) => [t.id, t.status])).toEqual([
      [b.id, 'IN_PROGRESS'],
      [a.id, 'QUEUED'],
    ]);
  });

  it('drops a ticket reassigned to another station', () => {
    const a = ticket();
    expect(reconcileQueue(queueOf([a]), updated(a.id, 'QUEUED', 'station-other'), STATION).queue.tasks).toEqual([]);
  });

  it('refetches for a new ticket here, and ignores other stations’ tickets entirely', () => {
    const q = queueOf([ticket()]);
    expect(reconcileQueue(q, updated('new', 'QUEUED'), STATION)).toEqual({ queue: q, refetch: true });
    expect(reconcileQueue(q, updated('new', 'QUEUED', 'station-other'), STATION)).toEqual({ queue: q, refetch: false });
    expect(reconcileQueue(q, updated('gone', 'DONE'), STATION)).toEqual({ queue: q, refetch: false });
    expect(
      reconcileQueue(
        q,
        { type: 'station:load', payload: { stationId: 'station-other', queueLength: 1, inProgress: 0, capacity: 1, loadPercent: 100 } },
        STATION,
      ).refetch,
    ).toBe(false);
  });

  it('never shows a ticket twice, and receiving every event twice ends where receiving it once does', () => {
    const ids = ['t1', 't2', 't3', 't4'];
    const event = fc.oneof(
      fc
        .record({
          id: fc.constantFrom(...ids),
          status: fc.constantFrom<TaskStatusName>('QUEUED', 'IN_PROGRESS', 'DONE', 'CANCELLED', 'PENDING'),
          here: fc.boolean(),
        })
        .map(({ id, status, here }) => updated(id, status, here ? STATION : 'station-other')),
      fc
        .constantFrom(...ids)
        .map((id): QueueEvent => ({ type: 'task:completed', payload: { taskId: id, orderId: 'o', stationId: STATION, completedBy: null } })),
    );
    fc.assert(
      fc.property(fc.subarray(ids), fc.array(event, { maxLength: 12 }), (start, events) => {
        const initial = queueOf(start.map((id) => ticket({ id })));
        const once = events.reduce((q, e) => reconcileQueue(q, e, STATION).queue, initial);
        const twice = events.reduce((q, e) => reconcileQueue(reconcileQueue(q, e, STATION).queue, e, STATION).queue, initial);
        expect(twice).toEqual(once);
        const shown = once.tasks.map((t) => t.id);
        expect(new Set(shown).size).toBe(shown.length);
        expect(once.inProgress + once.queued).toBe(shown.length);
      }),
    );
  });
});
