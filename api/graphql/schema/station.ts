import type { Station } from '../../../prisma/generated/client';
import { createStation } from '../../../core/stations/create-station';
import { deleteStation } from '../../../core/stations/delete-station';
import { getStation } from '../../../core/stations/get-station';
import { listStations } from '../../../core/stations/list-stations';
import { updateStation } from '../../../core/stations/update-station';
import { getStationPace } from '../../../core/stations/get-station-pace';
import { getStationPickupDelay } from '../../../core/stations/get-station-pickup-delay';
import type { Learned } from '../../../domain/eta';
import { builder } from '../builder';

const StationPaceRef = builder.objectRef<Learned>('StationPace').implement({
  description: "The station's learned pace: actual time over the recipes' estimates, the time-decayed median of its recent plausible durations.",
  fields: (t) => ({
    pace: t.exposeFloat('value', { description: '1.5: takes half again as long as the recipes say.' }),
    samples: t.exposeInt('samples'),
    p10: t.exposeFloat('p10', { description: '1 in 10 tasks goes faster than this ratio.' }),
    p90: t.exposeFloat('p90', { description: '1 in 10 tasks goes slower than this ratio.' }),
  }),
});

const PickupDelayRef = builder.objectRef<Learned>('StationPickupDelay').implement({
  description:
    'How long a ticket waits at the station, once it has a slot for it, before a cook starts it: the time-decayed median over its recently started tasks.',
  fields: (t) => ({
    seconds: t.exposeFloat('value'),
    samples: t.exposeInt('samples'),
    p10: t.exposeFloat('p10', { description: 'Seconds: 1 in 10 tickets is picked up sooner.' }),
    p90: t.exposeFloat('p90', { description: 'Seconds: 1 in 10 tickets waits longer.' }),
  }),
});

export const StationRef = builder.objectRef<Station>('Station').implement({
  description: 'A kitchen workstation (oven, wok, packaging…) that runs recipe tasks of its taskTypes.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    capacity: t.exposeInt('capacity', { description: 'Tasks it can run at the same time (1..50).' }),
    taskTypes: t.exposeStringList('taskTypes', { description: 'Recipe station_type values it handles.' }),
    isActive: t.exposeBoolean('isActive'),
    displayOrder: t.exposeInt('displayOrder'),
    learnedPace: t.withAuth({ permission: 'stations:read' }).field({
      type: StationPaceRef,
      nullable: true,
      description: 'What the ETA learned of this station over every dish; null before any plausible duration was recorded.',
      resolve: (s, _args, { db, actor }) => getStationPace({ db, actor, input: { stationId: s.id } }),
    }),
    learnedPickupDelay: t.withAuth({ permission: 'stations:read' }).field({
      type: PickupDelayRef,
      nullable: true,
      description: 'What the kitchen learned of the wait before a cook starts a ticket here; null before one could be told.',
      resolve: (s, _args, { db, actor }) => getStationPickupDelay({ db, actor, input: { stationId: s.id, capacity: s.capacity } }),
    }),
  }),
});

const CreateStationInput = builder.inputType('CreateStationInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    capacity: t.int({ description: 'Defaults to 1.' }),
    taskTypes: t.stringList({ required: true }),
    displayOrder: t.int(),
  }),
});

const UpdateStationInput = builder.inputType('UpdateStationInput', {
  fields: (t) => ({
    name: t.string(),
    capacity: t.int(),
    taskTypes: t.stringList(),
    displayOrder: t.int(),
    isActive: t.boolean(),
  }),
});

builder.queryFields((t) => ({
  stations: t.withAuth({ permission: 'stations:read' }).field({
    type: [StationRef],
    args: { includeInactive: t.arg.boolean({ defaultValue: false }) },
    resolve: (_root, args, { db, actor }) => listStations({ db, actor, input: args }),
  }),
  station: t.withAuth({ permission: 'stations:read' }).field({
    type: StationRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, { db, actor }) => getStation({ db, actor, input: { id: String(args.id) } }),
  }),
}));

builder.mutationFields((t) => ({
  createStation: t.withAuth({ permission: 'stations:write' }).field({
    type: StationRef,
    args: { input: t.arg({ type: CreateStationInput, required: true }) },
    resolve: (_root, { input }, { db, actor }) => createStation({ db, actor, input }),
  }),
  updateStation: t.withAuth({ permission: 'stations:write' }).field({
    type: StationRef,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateStationInput, required: true }) },
    resolve: (_root, args, { db, actor }) => updateStation({ db, actor, input: { id: String(args.id), changes: args.input } }),
  }),
  deleteStation: t.withAuth({ permission: 'stations:write' }).field({
    type: StationRef,
    description: 'Deactivates the station (soft delete); history keeps referring to it.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, { db, actor }) => deleteStation({ db, actor, input: { id: String(args.id) } }),
  }),
}));
