import { barStyle, clock, lanesOf, readyWithRange, timeSpan, type OrderTimelineData, type TimelineTaskData } from './order-timeline-api';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 8, 12, minute)).toISOString();

function task(over: Partial<TimelineTaskData> & { id: string }): TimelineTaskData {
  return {
    name: over.id,
    itemName: 'Steak',
    stationId: 'grill',
    stationName: 'Grill',
    status: 'DONE',
    plannedStartAt: at(0),
    plannedEndAt: at(6),
    queuedAt: at(0),
    startedAt: at(2),
    completedAt: at(9),
    waitingSeconds: 120,
    workingSeconds: 420,
    expectedSeconds: 360,
    learned: true,
    critical: true,
    ...over,
  };
}

const timeline = (tasks: TimelineTaskData[]): OrderTimelineData => ({
  orderId: 'o',
  orderNumber: 43,
  status: 'READY',
  computedAt: at(30),
  promisedReadyAt: at(8),
  promisedReadyRange: { from: at(6), to: at(12), basis: 'LEARNED' },
  estimatedReadyAt: at(11),
  actualReadyAt: at(11),
  lateMinutes: 3,
  late: true,
  summary: 'Ready 3 min after the promise.',
  reasons: [],
  criticalPath: tasks.map((t) => t.id),
  tasks,
  stations: [
    { id: 'grill', name: 'Grill', capacity: 1, staffedSlots: null },
    { id: 'pack', name: 'Pack', capacity: 2, staffedSlots: 1 },
  ],
  etaHistory: [],
});

describe('order timeline layout', () => {
  it('puts each station in a lane of its own, in the order their work was planned, with its slots', () => {
    const t = timeline([
      task({ id: 'pack', stationId: 'pack', stationName: 'Pack', plannedStartAt: at(9) }),
      task({ id: 'steak' }),
      task({ id: 'sauce', plannedStartAt: at(1) }),
      task({ id: 'later', stationId: null, stationName: null, plannedStartAt: at(12) }),
    ]);
    const lanes = lanesOf(t);
    expect(lanes.map((l) => [l.name, l.tasks.map((x) => x.id), l.capacity, l.staffedSlots])).toEqual([
      ['Grill', ['steak', 'sauce'], 1, null],
      ['Pack', ['pack'], 2, 1],
      ['Not at a station yet', ['later'], null, null],
    ]);
  });

  it('spans every planned and actual moment and the promise, and places bars in percent of it', () => {
    const span = timeSpan(timeline([task({ id: 'steak' })]));
    expect([span.from, span.to]).toEqual([Date.parse(at(0)), Date.parse(at(11))]);
    expect(barStyle({ from: 0, to: 1000 }, 250, 500)).toEqual({ left: '25.00%', width: '25.00%' });
    // A moment still shows as a sliver.
    expect(barStyle({ from: 0, to: 1000 }, 500, 500).width).toBe('0.50%');
  });

  it('writes a ready time with its range, and says when none is known', () => {
    expect(readyWithRange(null, null)).toBe('not known yet');
    expect(readyWithRange(at(8), { from: at(6), to: at(12) })).toBe(`${clock(at(8))} (${clock(at(6))}–${clock(at(12))})`);
  });
});
