import { quoteEta, type EtaQuote } from '../../../core/eta/quote-eta';
import { builder } from '../builder';
import { EtaRangeRef, OrderItemInput } from './order';

const EtaQuoteItemRef = builder.objectRef<EtaQuote['perItem'][number]>('EtaQuoteItem').implement({
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Position in the `items` argument.' }),
    menuItemId: t.exposeID('menuItemId'),
    name: t.exposeString('name'),
    quantity: t.exposeInt('quantity'),
    readyAt: t.expose('readyAt', { type: 'DateTime' }),
  }),
});

const UnstaffedStationRef = builder.objectRef<EtaQuote['unstaffedStations'][number]>('UnstaffedStation').implement({
  description: 'A station the order needs with nobody on shift now: its work there waits for the next shift.',
  fields: (t) => ({
    stationId: t.exposeID('stationId'),
    name: t.exposeString('name'),
    staffedFrom: t.expose('staffedFrom', { type: 'DateTime', nullable: true, description: 'When the next shift there starts; null: none planned.' }),
  }),
});

const QuoteDeliveryRef = builder.objectRef<EtaQuote['delivery']>('EtaQuoteDelivery').implement({
  description: 'The same order sent to an address: what the operator tells a caller who wants it delivered.',
  fields: (t) => ({
    travelMinutes: t.exposeInt('travelMinutes', { description: "The tenant's travel time now: its setting, or learned from delivered trips." }),
    deliveredBy: t.expose('deliveredBy', { type: 'DateTime', description: "At the customer's door: readyAt + travelMinutes." }),
  }),
});

const EtaQuoteRef = builder.objectRef<EtaQuote>('EtaQuote').implement({
  fields: (t) => ({
    readyAt: t.expose('readyAt', { type: 'DateTime' }),
    minutes: t.exposeInt('minutes', { description: 'From now, rounded up.' }),
    range: t.field({
      type: EtaRangeRef,
      description: 'P10..P90 of the ready time from the learned spread (basis LEARNED), else the fixed shares around readyAt (FIXED).',
      resolve: (q) => q.range,
    }),
    promisedAt: t.expose('promisedAt', {
      type: 'DateTime',
      description: "What createOrder would promise: the kitchen's promiseQuantile of the learned spread, else readyAt.",
    }),
    perItem: t.field({ type: [EtaQuoteItemRef], resolve: (q) => q.perItem }),
    unstaffedStations: t.field({
      type: [UnstaffedStationRef],
      description: 'Stations with nobody on shift now that the order waits for; readyAt already includes the wait.',
      resolve: (q) => q.unstaffedStations,
    }),
    delivery: t.field({ type: QuoteDeliveryRef, description: 'Were the order delivered: when it would be at the door.', resolve: (q) => q.delivery }),
  }),
});

builder.queryFields((t) => ({
  etaQuote: t.withAuth({ permission: 'orders:read' }).field({
    type: EtaQuoteRef,
    description: 'When these items would be ready if ordered now, from the current kitchen state. Writes nothing.',
    args: { items: t.arg({ type: [OrderItemInput], required: true }) },
    resolve: (_root, args, { db, actor, prisma }) => quoteEta({ db, actor, prisma, input: { items: args.items } }),
  }),
}));
