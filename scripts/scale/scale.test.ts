import { failedChecks, runScaleChecks, type ScaleReport } from './checks';
import { startScaleStack, type ScaleStack } from './stack';

// `npm run scale:test` at a bounded size: two API nodes behind nginx (deploy/nginx.conf), two
// workers, one PostgreSQL and one Temporal dev server of its own, as plain processes. The server on
// PostgreSQL (`npm run scale:test -- --temporal postgres`) is not used here yet: a KDS update lost
// with a workflow task while its store is down can leave a task stuck (README). Starting four
// Node processes takes most of the time on a shared machine; the rush itself is short.
jest.setTimeout(600_000);

let stack: ScaleStack | undefined;
let report: ScaleReport;

beforeAll(async () => {
  stack = await startScaleStack();
  report = await runScaleChecks(stack, { ordersPerPhase: 6 });
  console.log(`scale checks: ${JSON.stringify(report)}`);
});
afterAll(() => stack?.stop());

it('a KDS on one API node hears the other, and taps through one cook what the other took', () => {
  expect(report.crossNode.eventViaOtherNodeMs).toBeGreaterThanOrEqual(0);
  expect(report.crossNode.readyViaOtherNodeMs).toBeGreaterThan(0);
});

it('an API node SIGKILLed mid-rush costs no client-visible error beyond one retry, and no event', () => {
  expect(report.apiKill.orders).toBe(6);
  expect(report.apiKill.errors).toBe(0);
  expect(report.apiKill.proxySocketReadyEvents).toBe(6);
});

it('a worker SIGKILLed mid-rush: the other serves every tap within 3 s', () => {
  expect(report.workerKill.orders).toBe(6);
  expect(report.workerKill.tapsAfterKill).toBeGreaterThan(0);
  expect(report.workerKill.errors).toBe(0);
  expect(report.workerKill.tapMaxMs).toBeLessThan(3_000);
});

// Events published while PostgreSQL is down wait in the publisher; those an API node's adapter
// missed before it listened again are resent from the event log (api/realtime/listener-recovery.ts).
it('PostgreSQL SIGKILLed and restarted: a KDS that stayed connected gets every event of the phase, once', () => {
  const pk = report.postgresKill;
  expect(pk.orders).toBeGreaterThan(0);
  expect(pk.probeReadyHeard).toBe(true);
  expect(pk.proxySocketReadyEvents).toBe(pk.orders);
  expect(pk.loggedEvents).toBeGreaterThan(0);
  expect(pk.missedEvents).toBe(0);
  expect(pk.logHoles).toBe(0);
  expect(pk.doubledReady).toBe(0);
});

it('loses and doubles nothing: orders, tasks, durations, inventory deductions', () => {
  const l = report.ledger;
  expect(l.notReady).toBe(0);
  expect(l.tasks).toBe(l.expectedTasks);
  expect(l.duplicateTasks).toBe(0);
  expect(l.tasksNotDone).toBe(0);
  expect(l.durations).toBe(l.tasks);
  expect(l.deductions).toBe(l.expectedDeductions);
  expect(failedChecks(report)).toEqual([]);
});
