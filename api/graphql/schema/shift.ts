import { clockIn } from '../../../core/shifts/clock-in';
import { clockOut } from '../../../core/shifts/clock-out';
import { createShift } from '../../../core/shifts/create-shift';
import { deleteShift } from '../../../core/shifts/delete-shift';
import { listMyShifts } from '../../../core/shifts/list-my-shifts';
import { listShiftStaff } from '../../../core/shifts/list-shift-staff';
import { listTodayShifts } from '../../../core/shifts/list-today-shifts';
import { listWeekShifts, type ShiftWeek } from '../../../core/shifts/list-week-shifts';
import { isOnShift, type ShiftWithPeople } from '../../../core/shifts/shift-include';
import { stationStaffing, type StationStaffing } from '../../../core/shifts/station-staffing';
import { updateShift } from '../../../core/shifts/update-shift';
import { builder } from '../builder';
import { StationRef } from './station';
import { RoleEnum } from './user';

/** A person a shift is for: name and role, never their email or logins. */
const ShiftUserRef = builder.objectRef<ShiftWithPeople['user']>('ShiftUser').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    role: t.field({ type: RoleEnum, resolve: (u) => u.role }),
  }),
});

const ShiftRef = builder.objectRef<ShiftWithPeople>('Shift').implement({
  description: "A user's planned time at work, at a station or (riders, floor staff) at none.",
  fields: (t) => ({
    id: t.exposeID('id'),
    user: t.field({ type: ShiftUserRef, resolve: (s) => s.user }),
    station: t.field({ type: StationRef, nullable: true, resolve: (s) => s.station }),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime' }),
    clockedInAt: t.expose('clockedInAt', { type: 'DateTime', nullable: true }),
    clockedOutAt: t.expose('clockedOutAt', { type: 'DateTime', nullable: true }),
    onShiftNow: t.boolean({
      description: 'At work right now: the shift has begun (or was clocked in to early) and has not ended or been clocked out of.',
      resolve: (s) => isOnShift(s, new Date()),
    }),
  }),
});

const ShiftWeekRef = builder.objectRef<ShiftWeek>('ShiftWeek').implement({
  fields: (t) => ({
    startsAt: t.expose('startsAt', { type: 'DateTime', description: 'Monday 00:00, the restaurant’s time.' }),
    endsAt: t.expose('endsAt', { type: 'DateTime', description: 'The next Monday 00:00.' }),
    shifts: t.field({ type: [ShiftRef], resolve: (w) => w.shifts }),
  }),
});

const StationStaffingRef = builder.objectRef<StationStaffing>('StationStaffing').implement({
  description: 'Who works the station now, by the rule the ETA simulates (docs: domain/eta/staffing.ts).',
  fields: (t) => ({
    followsShifts: t.exposeBoolean('followsShifts', { description: 'Shifts are planned here, so its capacity is the people on shift (up to `capacity`).' }),
    onShiftNow: t.exposeInt('onShiftNow'),
    capacityNow: t.exposeInt('capacityNow', { description: 'Tasks it can run at once now; 0: nobody on shift, it takes no new work.' }),
    staffedFrom: t.expose('staffedFrom', {
      type: 'DateTime',
      nullable: true,
      description: 'Nobody on shift now: when the next shift starts (null: none planned).',
    }),
  }),
});

builder.objectField(StationRef, 'staffing', (t) =>
  // Its own permission: a station is also reached through an order's tasks, which riders may read.
  t.withAuth({ permission: 'stations:read' }).field({
    type: StationStaffingRef,
    resolve: (station, _args, { db }) => stationStaffing(db, station),
  }),
);

const CreateShiftInput = builder.inputType('CreateShiftInput', {
  fields: (t) => ({
    userId: t.id({ required: true }),
    stationId: t.id({ description: 'Where; none for riders and floor staff.' }),
    startsAt: t.field({ type: 'DateTime', required: true }),
    endsAt: t.field({ type: 'DateTime', required: true, description: 'After startsAt, at most 16 hours later.' }),
  }),
});

const UpdateShiftInput = builder.inputType('UpdateShiftInput', {
  fields: (t) => ({
    userId: t.id(),
    stationId: t.id({ description: 'null: at no station.' }),
    startsAt: t.field({ type: 'DateTime' }),
    endsAt: t.field({ type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  shifts: t.withAuth({ permission: 'shifts:manage' }).field({
    type: ShiftWeekRef,
    description: 'The planned shifts of the week (Monday to Monday) that contains `weekOf`.',
    args: { weekOf: t.arg({ type: 'DateTime', required: true }), stationId: t.arg.id() },
    resolve: (_root, args, { db, actor }) =>
      listWeekShifts({ db, actor, input: { weekOf: args.weekOf, stationId: args.stationId == null ? null : String(args.stationId) } }),
  }),
  shiftsToday: t.withAuth({ permission: 'shifts:manage' }).field({
    type: [ShiftRef],
    description: 'Who is on where today: every shift that touches today, earliest first.',
    resolve: (_root, _args, { db, actor }) => listTodayShifts({ db, actor, input: {} }),
  }),
  shiftStaff: t.withAuth({ permission: 'shifts:manage' }).field({
    type: [ShiftUserRef],
    description: 'The active users a shift can be planned for.',
    resolve: (_root, _args, { db, actor }) => listShiftStaff({ db, actor, input: undefined }),
  }),
  myShifts: t.withAuth({ authenticated: true }).field({
    type: [ShiftRef],
    description: 'The caller’s own shifts of today (and one still clocked in to): what to clock in to or out of.',
    resolve: (_root, _args, { db, actor }) => listMyShifts({ db, actor, input: {} }),
  }),
}));

builder.mutationFields((t) => ({
  createShift: t.withAuth({ permission: 'shifts:manage' }).field({
    type: ShiftRef,
    args: { input: t.arg({ type: CreateShiftInput, required: true }) },
    resolve: (_root, { input }, { db, actor, events }) =>
      createShift({
        db,
        actor,
        events,
        input: { ...input, userId: String(input.userId), stationId: input.stationId == null ? null : String(input.stationId) },
      }),
  }),
  updateShift: t.withAuth({ permission: 'shifts:manage' }).field({
    type: ShiftRef,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateShiftInput, required: true }) },
    resolve: (_root, args, { db, actor, events }) => updateShift({ db, actor, events, input: { id: String(args.id), changes: args.input } }),
  }),
  deleteShift: t.withAuth({ permission: 'shifts:manage' }).field({
    type: ShiftRef,
    description: 'Takes the shift off the plan (it stays, deactivated). CONFLICT once clocked in to.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, { db, actor, events }) => deleteShift({ db, actor, events, input: { id: String(args.id) } }),
  }),
  clockIn: t.withAuth({ authenticated: true }).field({
    type: ShiftRef,
    description: 'The caller starts their own shift: the one named, else the one due now (from an hour before it starts).',
    args: { shiftId: t.arg.id() },
    resolve: (_root, args, { db, actor, events }) => clockIn({ db, actor, events, input: { shiftId: args.shiftId == null ? null : String(args.shiftId) } }),
  }),
  clockOut: t.withAuth({ authenticated: true }).field({
    type: ShiftRef,
    description: 'The caller ends their own shift: the one named, else the one they are clocked in to.',
    args: { shiftId: t.arg.id() },
    resolve: (_root, args, { db, actor, events }) => clockOut({ db, actor, events, input: { shiftId: args.shiftId == null ? null : String(args.shiftId) } }),
  }),
}));
