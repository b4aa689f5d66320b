import { randomUUID } from 'node:crypto';
import { usersOnShift } from '../../core/shifts/on-shift-now';
import { moment, span } from '../../core/shifts/shift-time';
import { connectClient, nextEvent, type BrigadeClient } from '../../test/support/socket-clients';
import { startKitchenApi, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';

// Shifts over the real app: planning (managers), clock-in and -out (everyone, own shifts), the bad
// input the issue lists, tenant isolation, audit rows and the live event.
jest.setTimeout(90_000);

let api: KitchenApi;
const sockets: BrigadeClient[] = [];
beforeAll(async () => {
  api = await startKitchenApi('shifts-test');
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await api?.stop();
});

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const SHIFT = 'id user { id name role } station { id name } startsAt endsAt clockedInAt clockedOutAt onShiftNow';
const CREATE = `mutation($input: CreateShiftInput!) { createShift(input: $input) { ${SHIFT} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateShiftInput!) { updateShift(id: $id, input: $input) { ${SHIFT} } }`;
const DELETE = `mutation($id: ID!) { deleteShift(id: $id) { id } }`;
const CLOCK_IN = `mutation($id: ID) { clockIn(shiftId: $id) { ${SHIFT} } }`;
const CLOCK_OUT = `mutation($id: ID) { clockOut(shiftId: $id) { ${SHIFT} } }`;

async function plan(k: TestKitchen, input: { userId: string; stationId?: string | null; startsAt: number; endsAt: number }) {
  return api.gql(k.token.manager, CREATE, { input: { ...input, startsAt: iso(input.startsAt), endsAt: iso(input.endsAt) } });
}

async function planned(k: TestKitchen, input: Parameters<typeof plan>[1]) {
  const res = await plan(k, input);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.createShift as { id: string; user: { id: string }; station: { id: string } | null; onShiftNow: boolean };
}

const shiftRows = (k: TestKitchen) => api.prisma.shift.findMany({ where: { tenantId: k.tenant.id }, orderBy: { id: 'asc' } });
const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

describe('planning shifts', () => {
  it('plans a cook at a station, lists the week and today, records the audit row and announces it live', async () => {
    const k = await api.kitchen();
    const cook = k.tenant.users.STAFF;
    const socket = await connectClient(api.url, k.token.staff);
    sockets.push(socket);
    const event = nextEvent(socket, 'shift:updated', (p) => p.userId === cook.id);
    const now = Date.now();

    const shift = await planned(k, { userId: cook.id, stationId: k.station.oven, startsAt: now - HOUR, endsAt: now + 3 * HOUR });
    expect(shift).toMatchObject({ user: { id: cook.id, role: 'STAFF' }, station: { id: k.station.oven, name: 'Forno' }, onShiftNow: true });
    expect(await event).toEqual({ shiftId: shift.id, userId: cook.id, stationIds: [k.station.oven], change: 'created' });

    const week = await api.gql(k.token.manager, `query($w: DateTime!) { shifts(weekOf: $w) { startsAt endsAt shifts { id } } }`, { w: iso(now) });
    expect(week.data.shifts.shifts).toEqual([{ id: shift.id }]);
    expect(Date.parse(week.data.shifts.endsAt) - Date.parse(week.data.shifts.startsAt)).toBeGreaterThanOrEqual(167 * HOUR);
    const nextWeek = await api.gql(k.token.manager, `query($w: DateTime!) { shifts(weekOf: $w) { shifts { id } } }`, { w: iso(now + 8 * 24 * HOUR) });
    expect(nextWeek.data.shifts.shifts).toEqual([]);
    const today = await api.gql(k.token.manager, `{ shiftsToday { id onShiftNow user { name } station { name } } }`);
    expect(today.data.shiftsToday).toEqual([{ id: shift.id, onShiftNow: true, user: { name: cook.name }, station: { name: 'Forno' } }]);

    const audit = await api.prisma.auditLog.findMany({ where: { tenantId: k.tenant.id, action: 'shift.create' } });
    expect(audit).toEqual([expect.objectContaining({ userId: k.tenant.users.MANAGER.id, entityId: shift.id })]);
  });

  it('plans a rider with no station, and answers who is on shift for the delivery screens', async () => {
    const k = await api.kitchen();
    const rider = k.tenant.users.DELIVERY;
    const now = Date.now();
    const shift = await planned(k, { userId: rider.id, startsAt: now - HOUR, endsAt: now + HOUR });
    expect(shift.station).toBeNull();
    const on = await usersOnShift(k.tenant.db);
    expect(on).toEqual([expect.objectContaining({ userId: rider.id, shiftId: shift.id, stationId: null })]);
    expect(await usersOnShift(k.tenant.db, new Date(now + 2 * HOUR))).toEqual([]);
  });

  it('refuses a shift that ends before it starts, or too long, with BAD_USER_INPUT naming endsAt, and stores nothing', async () => {
    const k = await api.kitchen();
    const now = Date.now();
    const backwards = await plan(k, { userId: k.tenant.users.STAFF.id, stationId: k.station.oven, startsAt: now + 2 * HOUR, endsAt: now + HOUR });
    expect(codeOf(backwards)).toBe('BAD_USER_INPUT');
    expect(backwards.errors![0].message).toContain('endsAt: must be after startsAt');
    const marathon = await plan(k, { userId: k.tenant.users.STAFF.id, startsAt: now, endsAt: now + 20 * HOUR });
    expect(codeOf(marathon)).toBe('BAD_USER_INPUT');
    expect(marathon.errors![0].message).toContain('at most 16 hours');
    expect(await shiftRows(k)).toEqual([]);
  });

  it("refuses a shift that overlaps the same user's with CONFLICT saying which, allows back to back, and changes nothing", async () => {
    const k = await api.kitchen();
    const cook = k.tenant.users.STAFF.id;
    const t = Date.now() + 24 * HOUR;
    const first = await planned(k, { userId: cook, stationId: k.station.oven, startsAt: t, endsAt: t + 4 * HOUR });
    const before = await shiftRows(k);

    const overlap = await plan(k, { userId: cook, stationId: k.station.bench, startsAt: t + 3 * HOUR, endsAt: t + 6 * HOUR });
    expect(codeOf(overlap)).toBe('CONFLICT');
    // In the restaurant's (the server's) time, as the planner reads it.
    expect(overlap.errors![0].message).toBe(
      `${k.tenant.users.STAFF.name} already has a shift at Forno from ${span(new Date(t), new Date(t + 4 * HOUR))}, which overlaps this one`,
    );
    expect(await shiftRows(k)).toEqual(before);

    // Another cook at the same time is fine, and so is the same cook right after.
    await planned(k, { userId: k.tenant.users.MANAGER.id, stationId: k.station.oven, startsAt: t, endsAt: t + 4 * HOUR });
    const next = await planned(k, { userId: cook, stationId: k.station.bench, startsAt: t + 4 * HOUR, endsAt: t + 8 * HOUR });

    // Moving one onto the other is the same conflict, and leaves both as they were.
    const rows = await shiftRows(k);
    const moved = await api.gql(k.token.manager, UPDATE, { id: next.id, input: { startsAt: iso(t + 2 * HOUR) } });
    expect(codeOf(moved)).toBe('CONFLICT');
    expect(await shiftRows(k)).toEqual(rows);
    const backwards = await api.gql(k.token.manager, UPDATE, { id: first.id, input: { endsAt: iso(t - HOUR) } });
    expect(codeOf(backwards)).toBe('BAD_USER_INPUT');
    expect(await shiftRows(k)).toEqual(rows);

    // Once first is off the plan, its time is free again.
    expect((await api.gql(k.token.manager, DELETE, { id: first.id })).errors).toBeUndefined();
    const again = await api.gql(k.token.manager, UPDATE, { id: next.id, input: { startsAt: iso(t + 2 * HOUR), stationId: null } });
    expect(again.errors).toBeUndefined();
    expect(again.data.updateShift).toMatchObject({ station: null, startsAt: iso(t + 2 * HOUR) });
    const actions = (await api.prisma.auditLog.findMany({ where: { tenantId: k.tenant.id, action: { startsWith: 'shift.' } } })).map((a) => a.action);
    expect(actions.sort()).toEqual(['shift.create', 'shift.create', 'shift.create', 'shift.delete', 'shift.update']);
  });

  it('lets only one of two overlapping shifts planned at the same moment through', async () => {
    const k = await api.kitchen();
    const t = Date.now() + 24 * HOUR;
    const both = await Promise.all([
      plan(k, { userId: k.tenant.users.STAFF.id, stationId: k.station.oven, startsAt: t, endsAt: t + 4 * HOUR }),
      plan(k, { userId: k.tenant.users.STAFF.id, stationId: k.station.bench, startsAt: t + HOUR, endsAt: t + 5 * HOUR }),
    ]);
    expect(both.map((r) => codeOf(r) ?? 'ok').sort()).toEqual(['CONFLICT', 'ok']);
    expect(await shiftRows(k)).toHaveLength(1);
  });

  it("answers NOT_FOUND for another tenant's user, station or shift, exactly as for a missing one, and changes nothing there", async () => {
    const k = await api.kitchen();
    const other = await api.kitchen();
    const t = Date.now() + 24 * HOUR;
    const theirs = await planned(other, { userId: other.tenant.users.STAFF.id, stationId: other.station.oven, startsAt: t, endsAt: t + HOUR });
    const theirRows = await shiftRows(other);
    const cases = [
      plan(k, { userId: other.tenant.users.STAFF.id, startsAt: t, endsAt: t + HOUR }),
      plan(k, { userId: k.tenant.users.STAFF.id, stationId: other.station.oven, startsAt: t, endsAt: t + HOUR }),
      api.gql(k.token.manager, UPDATE, { id: theirs.id, input: { startsAt: iso(t - HOUR) } }),
      api.gql(k.token.manager, DELETE, { id: theirs.id }),
      api.gql(k.token.staff, CLOCK_IN, { id: theirs.id }),
      api.gql(k.token.manager, UPDATE, { id: randomUUID(), input: {} }),
      api.gql(k.token.manager, DELETE, { id: 'not-an-id' }),
    ];
    const answers = await Promise.all(cases);
    expect(answers.map((a) => [codeOf(a), a.errors?.[0].message])).toEqual([
      ['NOT_FOUND', 'User not found'],
      ['NOT_FOUND', 'Station not found'],
      ['NOT_FOUND', 'Shift not found'],
      ['NOT_FOUND', 'Shift not found'],
      ['NOT_FOUND', 'Shift not found'],
      ['NOT_FOUND', 'Shift not found'],
      ['NOT_FOUND', 'Shift not found'],
    ]);
    expect(await shiftRows(other)).toEqual(theirRows);
    expect(await shiftRows(k)).toEqual([]);
  });

  it('lets only managers and up plan: cooks and operators are FORBIDDEN and nothing is stored', async () => {
    const k = await api.kitchen();
    const t = Date.now();
    const input = { userId: k.tenant.users.STAFF.id, startsAt: iso(t), endsAt: iso(t + HOUR) };
    for (const token of [k.token.staff, k.token.operator]) {
      const res = await api.gql(token, CREATE, { input });
      expect([codeOf(res), res.errors?.[0].extensions?.permission]).toEqual(['FORBIDDEN', 'shifts:manage']);
      expect(codeOf(await api.gql(token, '{ shiftsToday { id } }'))).toBe('FORBIDDEN');
    }
    expect(await shiftRows(k)).toEqual([]);
  });
});

describe('clocking in and out', () => {
  it('clocks the cook in to the shift due now and out again, refuses doing either twice, and keeps a worked shift on the plan', async () => {
    const k = await api.kitchen();
    const now = Date.now();
    // Due in 30 minutes: within the hour before it starts that clocking in is open.
    const shift = await planned(k, { userId: k.tenant.users.STAFF.id, stationId: k.station.oven, startsAt: now + 30 * 60_000, endsAt: now + 4 * HOUR });
    const mine = await api.gql(k.token.staff, `{ myShifts { id clockedInAt } }`);
    expect(mine.data.myShifts).toEqual([{ id: shift.id, clockedInAt: null }]);

    const inRes = await api.gql(k.token.staff, CLOCK_IN, {});
    expect(inRes.errors).toBeUndefined();
    expect(inRes.data.clockIn).toMatchObject({ id: shift.id, clockedOutAt: null, onShiftNow: true });
    expect(Date.parse(inRes.data.clockIn.clockedInAt)).toBeGreaterThanOrEqual(now);
    const twice = await api.gql(k.token.staff, CLOCK_IN, {});
    expect([codeOf(twice), twice.errors?.[0].message]).toEqual(['CONFLICT', expect.stringContaining('You are clocked in already')]);
    const deleted = await api.gql(k.token.manager, DELETE, { id: shift.id });
    expect([codeOf(deleted), deleted.errors?.[0].message]).toEqual(['CONFLICT', expect.stringContaining('clocked in to')]);

    const outRes = await api.gql(k.token.staff, CLOCK_OUT, { id: shift.id });
    expect(outRes.errors).toBeUndefined();
    expect(outRes.data.clockOut).toMatchObject({ id: shift.id, onShiftNow: false });
    expect(codeOf(await api.gql(k.token.staff, CLOCK_OUT, {}))).toBe('CONFLICT');
    expect(codeOf(await api.gql(k.token.staff, CLOCK_IN, { id: shift.id }))).toBe('CONFLICT');
    const actions = (await api.prisma.auditLog.findMany({ where: { tenantId: k.tenant.id, entityId: shift.id }, orderBy: { createdAt: 'asc' } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(['shift.create', 'shift.clock_in', 'shift.clock_out']);
  });

  it("refuses a colleague's shift with FORBIDDEN, and a shift that is not due with CONFLICT", async () => {
    const k = await api.kitchen();
    const now = Date.now();
    const colleague = await planned(k, { userId: k.tenant.users.MANAGER.id, stationId: k.station.oven, startsAt: now - HOUR, endsAt: now + HOUR });
    const res = await api.gql(k.token.staff, CLOCK_IN, { id: colleague.id });
    expect([codeOf(res), res.errors?.[0].message]).toEqual(['FORBIDDEN', 'You can clock in and out of your own shifts only']);

    const later = await planned(k, { userId: k.tenant.users.STAFF.id, stationId: k.station.oven, startsAt: now + 3 * HOUR, endsAt: now + 6 * HOUR });
    const early = await api.gql(k.token.staff, CLOCK_IN, {});
    expect([codeOf(early), early.errors?.[0].message]).toEqual(['CONFLICT', expect.stringContaining('no shift to clock in to now')]);
    const named = await api.gql(k.token.staff, CLOCK_IN, { id: later.id });
    expect([codeOf(named), named.errors?.[0].message]).toEqual([
      'CONFLICT',
      `This shift starts at ${moment(new Date(now + 3 * HOUR))}: clock in from an hour before`,
    ]);
    expect((await shiftRows(k)).map((s) => s.clockedInAt)).toEqual([null, null]);
  });
});

describe("a station's staffing", () => {
  it('keeps the configured capacity without shifts, follows the people on shift with them, and says when nobody is on', async () => {
    const k = await api.kitchen();
    const STAFFING = `query($id: ID!) { station(id: $id) { capacity staffing { followsShifts onShiftNow capacityNow staffedFrom } } }`;
    const staffing = async () => (await api.gql(k.token.staff, STAFFING, { id: k.station.oven })).data.station.staffing;
    expect(await staffing()).toEqual({ followsShifts: false, onShiftNow: 0, capacityNow: 2, staffedFrom: null });

    const now = Date.now();
    const early = await planned(k, { userId: k.tenant.users.STAFF.id, stationId: k.station.oven, startsAt: now - 2 * HOUR, endsAt: now - HOUR });
    expect(early.onShiftNow).toBe(false);
    const next = now + 2 * HOUR;
    await planned(k, { userId: k.tenant.users.STAFF.id, stationId: k.station.oven, startsAt: next, endsAt: next + HOUR });
    expect(await staffing()).toEqual({ followsShifts: true, onShiftNow: 0, capacityNow: 0, staffedFrom: iso(next) });

    for (const user of [k.tenant.users.MANAGER, k.tenant.users.OWNER, k.tenant.users.ADMIN]) {
      await planned(k, { userId: user.id, stationId: k.station.oven, startsAt: now - HOUR, endsAt: now + HOUR });
    }
    // Three on shift at a station with two slots: two slots.
    expect(await staffing()).toEqual({ followsShifts: true, onShiftNow: 3, capacityNow: 2, staffedFrom: null });
  });
});
