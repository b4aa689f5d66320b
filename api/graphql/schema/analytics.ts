import { analyticsToday, type AnalyticsToday, type TopItem } from '../../../core/analytics/analytics-today';
import { etaAccuracy, type EtaAccuracyPoint } from '../../../core/analytics/eta-accuracy';
import { stationAnalytics, type StationAnalytics } from '../../../core/analytics/station-analytics';
import { builder } from '../builder';

const TopItemRef = builder.objectRef<TopItem>('TopItem').implement({
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The dish name as ordered.' }),
    quantity: t.exposeInt('quantity'),
    revenue: t.expose('revenue', { type: 'Decimal' }),
  }),
});

const AnalyticsTodayRef = builder.objectRef<AnalyticsToday>('AnalyticsToday').implement({
  description: "Today's orders (kitchen time zone), cancelled ones excluded.",
  fields: (t) => ({
    ordersCount: t.exposeInt('ordersCount'),
    revenue: t.expose('revenue', { type: 'Decimal' }),
    avgPrepMinutes: t.exposeFloat('avgPrepMinutes', {
      nullable: true,
      description: 'Order placed → READY, over the orders ready so far; null before the first.',
    }),
    lateCount: t.exposeInt('lateCount', { description: 'Orders that ran, or are running, past their ETA.' }),
    topItems: t.field({ type: [TopItemRef], description: 'Best sellers by quantity (top 5).', resolve: (a) => a.topItems }),
  }),
});

const StationAnalyticsRef = builder.objectRef<StationAnalytics>('StationAnalytics').implement({
  description: 'Load of one active station right now.',
  fields: (t) => ({
    stationId: t.exposeID('stationId'),
    name: t.exposeString('name'),
    queueLength: t.exposeInt('queueLength', { description: 'Tasks waiting (QUEUED).' }),
    inProgress: t.exposeInt('inProgress'),
    capacity: t.exposeInt('capacity'),
    loadPercent: t.exposeInt('loadPercent', { description: '(queued + in progress) / capacity × 100.' }),
    avgTaskMinutes: t.exposeFloat('avgTaskMinutes', { nullable: true, description: 'Mean recorded task duration, last 7 days.' }),
    backlogMinutes: t.exposeFloat('backlogMinutes', { description: 'Minutes to clear the open work at full capacity.' }),
    bottleneck: t.exposeBoolean('bottleneck', { description: 'The station with the longest backlog.' }),
  }),
});

const EtaAccuracyPointRef = builder.objectRef<EtaAccuracyPoint>('EtaAccuracyPoint').implement({
  fields: (t) => ({
    orderId: t.exposeID('orderId'),
    orderNumber: t.exposeInt('orderNumber'),
    predictedAt: t.expose('predictedAt', { type: 'DateTime', description: 'The ETA given when the order was placed.' }),
    actualAt: t.expose('actualAt', { type: 'DateTime', description: 'When the order became READY.' }),
    errorMinutes: t.exposeFloat('errorMinutes', { description: 'actual − predicted; positive is late.' }),
  }),
});

builder.queryFields((t) => {
  const reader = t.withAuth({ permission: 'analytics:read' });
  return {
    analyticsToday: reader.field({
      type: AnalyticsTodayRef,
      resolve: (_root, _args, { db, actor }) => analyticsToday({ db, actor, input: {} }),
    }),
    stationAnalytics: reader.field({
      type: [StationAnalyticsRef],
      description: 'Active stations in display order.',
      resolve: (_root, _args, { db, actor }) => stationAnalytics({ db, actor, input: {} }),
    }),
    etaAccuracy: reader.field({
      type: [EtaAccuracyPointRef],
      description: 'Orders that became READY in the last `days` days (1..90), oldest first, at most 500.',
      args: { days: t.arg.int({ defaultValue: 7 }) },
      resolve: (_root, args, { db, actor }) => etaAccuracy({ db, actor, input: { days: args.days ?? undefined } }),
    }),
  };
});
