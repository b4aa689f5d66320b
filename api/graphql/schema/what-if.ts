import { simulateWhatIf, type WhatIfAnswer, type WhatIfOrderRow } from '../../../core/eta/simulate-what-if';
import { builder } from '../builder';

const StationSlotsInput = builder.inputType('WhatIfStationSlotsInput', {
  fields: (t) => ({
    stationId: t.id({ required: true }),
    delta: t.int({ required: true, description: 'Slots added (negative: taken), -20..20, not 0; the station keeps at least 0.' }),
  }),
});

const RushItemInput = builder.inputType('WhatIfRushItemInput', {
  fields: (t) => ({
    menuItemId: t.id({ required: true }),
    quantity: t.int({ required: true, description: '1..50, as on an order.' }),
  }),
});

const RushInput = builder.inputType('WhatIfRushInput', {
  fields: (t) => ({
    orders: t.int({ required: true, description: 'How many orders, 1..200, each of `items`.' }),
    spreadMinutes: t.int({ description: 'The first arrives now, the others evenly over these minutes (0..240; default 0: all now).' }),
    items: t.field({ type: [RushItemInput], required: true, description: 'The dishes of each rush order (1..20 lines).' }),
  }),
});

const WhatIfInput = builder.inputType('WhatIfInput', {
  description: 'Changes to try on the current kitchen, one or several together. None: the kitchen as it is.',
  fields: (t) => ({
    stationSlots: t.field({ type: [StationSlotsInput], description: 'A slot more or fewer at stations (at most 50).' }),
    stationsDown: t.idList({ description: 'Stations that take no new work: what they cook finishes, what waits there moves to a station of its type.' }),
    eightySix: t.idList({
      description: "Dishes 86'd: the rush's orders come without them. Open orders keep theirs (their stock was taken when they were ordered).",
    }),
    rush: t.field({ type: RushInput, description: 'Orders arriving from now on.' }),
  }),
});

const WhatIfOrderRef = builder.objectRef<WhatIfOrderRow>('WhatIfOrder').implement({
  fields: (t) => ({
    orderId: t.exposeID('orderId'),
    orderNumber: t.exposeInt('orderNumber'),
    customerName: t.exposeString('customerName', { nullable: true }),
    promisedAt: t.expose('promisedAt', { type: 'DateTime', nullable: true, description: 'What the order was promised when it was taken.' }),
    currentReadyAt: t.expose('currentReadyAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Simulated now, as the kitchen is; null: no station can make one of its dishes.',
    }),
    whatIfReadyAt: t.expose('whatIfReadyAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Simulated with the changes; null: nothing left to make one of its dishes.',
    }),
    deltaMinutes: t.exposeFloat('deltaMinutes', { nullable: true, description: 'whatIfReadyAt - currentReadyAt, to a tenth of a minute.' }),
    lateNow: t.exposeBoolean('lateNow', { description: 'currentReadyAt is past promisedAt.' }),
    lateWhatIf: t.exposeBoolean('lateWhatIf', { description: 'whatIfReadyAt is past promisedAt.' }),
  }),
});

const WhatIfSummaryRef = builder.objectRef<WhatIfAnswer['summary']>('WhatIfSummary').implement({
  fields: (t) => ({
    openOrders: t.exposeInt('openOrders'),
    madeLate: t.exposeInt('madeLate', { description: 'On time now, past their promise with the changes.' }),
    madeOnTime: t.exposeInt('madeOnTime', { description: 'Past their promise now, on time with the changes.' }),
    later: t.exposeInt('later', { description: 'Ready at least a minute later.' }),
    earlier: t.exposeInt('earlier', { description: 'Ready at least a minute earlier.' }),
    cannotBeMade: t.exposeInt('cannotBeMade', { description: 'With a ready time now and none with the changes.' }),
  }),
});

const WhatIfRushRef = builder.objectRef<NonNullable<WhatIfAnswer['rush']>>('WhatIfRush').implement({
  fields: (t) => ({
    orders: t.exposeInt('orders', { description: "Rush orders simulated (0 when every dish of them was 86'd)." }),
    droppedLines: t.exposeInt('droppedLines', { description: "Lines left out of the rush because their dish was 86'd." }),
    firstReadyAt: t.expose('firstReadyAt', { type: 'DateTime', nullable: true }),
    lastReadyAt: t.expose('lastReadyAt', { type: 'DateTime', nullable: true }),
    cannotBeMade: t.exposeInt('cannotBeMade', { description: 'Rush orders no station could make.' }),
  }),
});

const WhatIfRef = builder.objectRef<WhatIfAnswer>('WhatIf').implement({
  fields: (t) => ({
    computedAt: t.expose('computedAt', { type: 'DateTime' }),
    orders: t.field({ type: [WhatIfOrderRef], description: 'Every open order, by current ready time.', resolve: (w) => w.orders }),
    summary: t.field({ type: WhatIfSummaryRef, resolve: (w) => w.summary }),
    rush: t.field({ type: WhatIfRushRef, nullable: true, resolve: (w) => w.rush }),
  }),
});

builder.queryFields((t) => ({
  whatIf: t.withAuth({ permission: 'eta:what-if' }).field({
    type: WhatIfRef,
    description: "Every open order's ready time now and with these changes, from the current kitchen state. Writes nothing.",
    args: { input: t.arg({ type: WhatIfInput, required: true }) },
    resolve: (_root, args, { db, actor, prisma }) => simulateWhatIf({ db, actor, prisma, input: args.input }),
  }),
}));
