import fc from 'fast-check';
import {
  criticalPath,
  duration,
  explainLateness,
  noiseFloor,
  orderList,
  REASON_MIN_MS,
  spanOf,
  workAhead,
  type ExplainInput,
  type TimelineTask,
} from './explain-lateness';

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 8, 12, 0);
const at = (minutes: number) => T0 + minutes * MIN;

function task(over: Partial<TimelineTask> & { id: string }): TimelineTask {
  return {
    orderId: 'o43',
    orderNumber: 43,
    name: over.id,
    stationId: 'grill',
    stationName: 'Grill',
    dependsOn: [],
    status: 'DONE',
    plannedStartAt: at(0),
    expectedMs: 6 * MIN,
    learned: true,
    queuedAt: null,
    startedAt: null,
    completedAt: null,
    ...over,
  };
}

const stations = [
  { id: 'grill', name: 'Grill', capacity: 1, staffedSlots: null },
  { id: 'pack', name: 'Pack', capacity: 2, staffedSlots: 1 },
];

/** Order #43: Steak at the Grill (queued at 0, behind #41 and #42 until 6, took 9 where 6 was learned), then Pack. */
function lateOrder(): ExplainInput {
  return {
    now: at(30),
    promisedAt: at(8),
    readyAt: at(17),
    estimatedReadyAt: at(17),
    stations,
    tasks: [
      task({ id: 'steak', name: 'Steak', queuedAt: at(0), startedAt: at(6), completedAt: at(15) }),
      task({
        id: 'pack',
        name: 'Pack',
        stationId: 'pack',
        stationName: 'Pack',
        dependsOn: ['steak'],
        plannedStartAt: at(6),
        expectedMs: 2 * MIN,
        queuedAt: at(15),
        startedAt: at(15),
        completedAt: at(17),
      }),
    ],
    others: [
      task({ id: 'a', orderId: 'o41', orderNumber: 41, startedAt: at(-2), completedAt: at(3) }),
      task({ id: 'b', orderId: 'o42', orderNumber: 42, startedAt: at(3), completedAt: at(6) }),
      task({ id: 'c', orderId: 'o44', orderNumber: 44, startedAt: at(15), completedAt: at(20) }),
    ],
  };
}

describe('explainLateness', () => {
  it('tells a late order why in plain words: the queue, the slow task, biggest cost first', () => {
    const e = explainLateness(lateOrder());
    expect(e.late).toBe(true);
    expect(e.lateMs).toBe(9 * MIN);
    expect(e.criticalPath).toEqual(['steak', 'pack']);
    expect(e.sentences).toEqual(['waited 6 min at Grill behind #41 and #42', 'Steak took 9 min where 6 was learned']);
    expect(e.summary).toBe('Ready 9 min after the promise: waited 6 min at Grill behind #41 and #42; Steak took 9 min where 6 was learned.');
  });

  it('names a short-staffed station where a critical task waited there', () => {
    const input = lateOrder();
    input.tasks = [input.tasks[0], { ...input.tasks[1], queuedAt: at(15), startedAt: at(19), completedAt: at(21) }];
    input.readyAt = at(21);
    const e = explainLateness(input);
    expect(e.sentences).toContain('Pack had 1 of 2 slots');
    expect(e.sentences).toContain('waited 4 min at Pack before anyone started it');
  });

  it('says an order was on time, and how early, without reasons', () => {
    const input: ExplainInput = {
      now: at(20),
      promisedAt: at(10),
      readyAt: at(7),
      estimatedReadyAt: at(7),
      stations,
      tasks: [task({ id: 'steak', queuedAt: at(0), startedAt: at(0), completedAt: at(7) })],
      others: [],
    };
    const e = explainLateness(input);
    expect(e.late).toBe(false);
    expect(e.reasons).toEqual([]);
    expect(e.summary).toBe('Ready on time (3 min before the promise).');
  });

  it('explains an open order that runs behind its promise from the estimate, waiting until now', () => {
    const input: ExplainInput = {
      now: at(5),
      promisedAt: at(6),
      readyAt: null,
      estimatedReadyAt: at(11),
      stations,
      tasks: [task({ id: 'steak', status: 'QUEUED', queuedAt: at(0) })],
      others: [task({ id: 'x', orderId: 'o40', orderNumber: 40, status: 'IN_PROGRESS', startedAt: at(-1) })],
    };
    const e = explainLateness(input);
    expect(e.summary).toBe('Running 5 min behind the promise: waited 5 min at Grill behind #40.');
    expect(e.spans[0]).toMatchObject({ waitFrom: at(0), waitTo: at(5), waitingMs: 5 * MIN, workingMs: 0, critical: true });
  });

  it('says so when nothing was promised or nothing is known', () => {
    const base = lateOrder();
    expect(explainLateness({ ...base, promisedAt: null }).summary).toBe('No time was promised for this order.');
    expect(explainLateness({ ...base, readyAt: null, estimatedReadyAt: null }).summary).toBe('No ready time is known yet.');
  });

  it('calls an overrun of an estimate (nothing learned) estimated, and ignores overruns below the noise floor', () => {
    const input = lateOrder();
    input.tasks = [task({ id: 'soup', name: 'Soup', learned: false, expectedMs: 2 * MIN, queuedAt: at(0), startedAt: at(0), completedAt: at(2) + 10_000 })];
    input.readyAt = at(20);
    expect(explainLateness(input).sentences).toEqual([]);
    input.tasks = [task({ id: 'soup', name: 'Soup', learned: false, expectedMs: 2 * MIN, queuedAt: at(0), startedAt: at(0), completedAt: at(5) })];
    expect(explainLateness(input).sentences).toEqual(['Soup took 5 min where 2 was estimated']);
  });
});

describe('noise floor', () => {
  it('judges a wait against the task it held up: 90 s is nothing for a 20-minute braise, 7 s is a reason for a 1-minute pack', () => {
    const input = (expectedMs: number, waitMs: number): ExplainInput => ({
      now: at(60),
      promisedAt: at(0),
      readyAt: at(30),
      estimatedReadyAt: at(30),
      stations,
      tasks: [task({ id: 't', name: 'T', expectedMs, queuedAt: at(0), startedAt: at(0) + waitMs, completedAt: at(0) + waitMs + expectedMs })],
      others: [task({ id: 'x', orderId: 'o9', orderNumber: 9, startedAt: at(-1), completedAt: at(5) })],
    });
    expect(noiseFloor({ expectedMs: 20 * MIN })).toBe(2 * MIN);
    expect(noiseFloor({ expectedMs: 10_000 })).toBe(REASON_MIN_MS);
    expect(explainLateness(input(20 * MIN, 90_000)).reasons).toEqual([]);
    expect(explainLateness(input(MIN, 7_000)).sentences).toEqual(['waited 7 s at Grill behind #9']);
  });
});

describe('criticalPath', () => {
  it('follows the dependency that ended last, not the one listed first', () => {
    const tasks = [
      task({ id: 'rice', completedAt: at(4), startedAt: at(0) }),
      task({ id: 'curry', completedAt: at(9), startedAt: at(0) }),
      task({ id: 'plate', dependsOn: ['rice', 'curry'], startedAt: at(9), completedAt: at(10) }),
      task({ id: 'drink', startedAt: at(0), completedAt: at(1) }),
    ];
    expect(criticalPath(tasks, at(20))).toEqual(['curry', 'plate']);
  });

  it('skips cancelled tasks and projects open ones from their expected time', () => {
    const tasks = [
      task({ id: 'gone', status: 'CANCELLED', plannedStartAt: at(50) }),
      task({ id: 'running', status: 'IN_PROGRESS', startedAt: at(0), expectedMs: 10 * MIN }),
      task({ id: 'later', status: 'PENDING', plannedStartAt: at(2), expectedMs: 3 * MIN }),
    ];
    expect(criticalPath(tasks, at(1))).toEqual(['running']);
  });

  it('is a chain of dependencies ending at the last task for any DAG (property)', () => {
    const dag = fc.array(fc.record({ dur: fc.integer({ min: 1, max: 20 }), deps: fc.array(fc.nat(), { maxLength: 3 }) }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(dag, (spec) => {
        const tasks: TimelineTask[] = [];
        const end = new Map<string, number>();
        spec.forEach((s, i) => {
          const deps = i === 0 ? [] : [...new Set(s.deps.map((d) => `t${d % i}`))];
          const start = Math.max(0, ...deps.map((d) => end.get(d)!));
          end.set(`t${i}`, start + s.dur);
          tasks.push(task({ id: `t${i}`, dependsOn: deps, startedAt: at(start), completedAt: at(start + s.dur) }));
        });
        const path = criticalPath(tasks, at(1000));
        const last = Math.max(...end.values());
        expect(end.get(path.at(-1)!)).toBe(last);
        for (let i = 1; i < path.length; i++) expect(tasks.find((t) => t.id === path[i])!.dependsOn).toContain(path[i - 1]);
      }),
    );
  });
});

describe('spans and wording', () => {
  it('splits a task into waiting and working and plans its end from the expected time', () => {
    const s = spanOf(task({ id: 'x', plannedStartAt: at(1), queuedAt: at(1), startedAt: at(4), completedAt: at(11) }), at(30), false);
    expect(s).toEqual({
      taskId: 'x',
      plannedStart: at(1),
      plannedEnd: at(7),
      waitFrom: at(1),
      waitTo: at(4),
      workFrom: at(4),
      workTo: at(11),
      waitingMs: 3 * MIN,
      workingMs: 7 * MIN,
      critical: false,
    });
  });

  it('counts only other orders working at the same station during the wait', () => {
    const t = task({ id: 'x', queuedAt: at(0), startedAt: at(5) });
    const others = [
      task({ id: 'a', orderId: 'o1', orderNumber: 1, startedAt: at(-3), completedAt: at(0) }),
      task({ id: 'b', orderId: 'o2', orderNumber: 2, startedAt: at(1), completedAt: at(2) }),
      task({ id: 'c', orderId: 'o3', orderNumber: 3, stationId: 'pack', startedAt: at(1), completedAt: at(2) }),
      task({ id: 'd', orderNumber: 43, startedAt: at(1), completedAt: at(2) }),
      task({ id: 'e', orderId: 'o5', orderNumber: 5, status: 'IN_PROGRESS', startedAt: at(4) }),
    ];
    expect(workAhead(t, others, at(0), at(5), at(9))).toEqual([2, 5]);
  });

  it('words durations and order lists for people', () => {
    expect(duration(40_000)).toBe('40 s');
    expect(duration(6.4 * MIN)).toBe('6 min');
    expect(orderList([41])).toBe('#41');
    expect(orderList([41, 42])).toBe('#41 and #42');
    expect(orderList([41, 42, 43])).toBe('#41, #42 and #43');
    expect(orderList([41, 42, 43, 44, 45])).toBe('#41, #42, #43 and 2 more');
  });
});
