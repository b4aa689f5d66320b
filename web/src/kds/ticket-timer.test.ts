import fc from 'fast-check';
import { clock, ticketTimer, type TicketTimerInput } from './ticket-timer';

const T0 = Date.parse('2026-11-20T12:00:00Z');
const working = (over: Partial<TicketTimerInput> = {}): TicketTimerInput => ({
  status: 'IN_PROGRESS',
  elapsedSeconds: 0,
  receivedAt: T0,
  now: T0,
  estimatedMinutes: 5,
  ...over,
});

describe('ticket timer', () => {
  it('counts on from the server’s elapsed time by the client clock, one second at a time', () => {
    expect(ticketTimer(working({ elapsedSeconds: 70 })).label).toBe('1:10 / 5:00');
    expect(ticketTimer(working({ elapsedSeconds: 70, now: T0 + 1_000 })).label).toBe('1:11 / 5:00');
    expect(ticketTimer(working({ elapsedSeconds: 70, now: T0 + 1_999 })).label).toBe('1:11 / 5:00');
    expect(ticketTimer(working({ elapsedSeconds: 70, now: T0 + 60_000 })).elapsedSeconds).toBe(130);
  });

  it('is on time before 80% of the estimate, at risk up to the estimate and late after it', () => {
    expect(ticketTimer(working({ elapsedSeconds: 239 })).tone).toBe('on-time');
    expect(ticketTimer(working({ elapsedSeconds: 240 })).tone).toBe('at-risk');
    expect(ticketTimer(working({ elapsedSeconds: 300 })).tone).toBe('at-risk');
    expect(ticketTimer(working({ elapsedSeconds: 301 })).tone).toBe('late');
    // The same ticket turns late just by time passing, with no new answer from the server.
    expect(ticketTimer(working({ elapsedSeconds: 290, now: T0 + 11_000 })).tone).toBe('late');
  });

  it('judges a waiting ticket by how long it is past its planned start, not since it arrived', () => {
    const queued = (elapsedSeconds: number, plannedAfter: number) =>
      ticketTimer({
        status: 'QUEUED',
        elapsedSeconds,
        receivedAt: T0,
        now: T0,
        estimatedMinutes: 5,
        queuedAt: new Date(T0).toISOString(),
        plannedStartAt: new Date(T0 + plannedAfter * 1000).toISOString(),
      });
    expect(queued(200, 600)).toMatchObject({ tone: 'on-time', label: 'waiting 3:20' });
    expect(queued(661, 600).tone).toBe('at-risk');
    expect(queued(781, 600).tone).toBe('late');
    expect(ticketTimer({ status: 'QUEUED', elapsedSeconds: 30, receivedAt: T0, now: T0, estimatedMinutes: 5 }).tone).toBe('on-time');
    expect(ticketTimer({ status: 'QUEUED', elapsedSeconds: 200, receivedAt: T0, now: T0, estimatedMinutes: 5 }).tone).toBe('late');
  });

  it('never runs backwards when the tablet clock jumps behind the moment of the answer', () => {
    expect(ticketTimer(working({ elapsedSeconds: 42, now: T0 - 5_000 })).elapsedSeconds).toBe(42);
  });

  it('only ever gets later as time passes (tone never improves by waiting)', () => {
    const rank = { 'on-time': 0, 'at-risk': 1, late: 2 } as const;
    fc.assert(
      fc.property(
        fc.constantFrom('IN_PROGRESS' as const, 'QUEUED' as const),
        fc.integer({ min: 0, max: 7200 }),
        fc.double({ min: 0.5, max: 60, noNaN: true }),
        fc.integer({ min: 0, max: 3_600_000 }),
        fc.integer({ min: 0, max: 3_600_000 }),
        (status, elapsedSeconds, estimatedMinutes, a, b) => {
          const [early, late] = [Math.min(a, b), Math.max(a, b)];
          const at = (ms: number) => ticketTimer({ status, elapsedSeconds, estimatedMinutes, receivedAt: T0, now: T0 + ms });
          expect(at(late).elapsedSeconds).toBeGreaterThanOrEqual(at(early).elapsedSeconds);
          expect(rank[at(late).tone]).toBeGreaterThanOrEqual(rank[at(early).tone]);
        },
      ),
    );
  });

  it('formats minutes and seconds, with hours only when needed', () => {
    expect([clock(0), clock(9), clock(65), clock(3599), clock(3661)]).toEqual(['0:00', '0:09', '1:05', '59:59', '1:01:01']);
  });
});
