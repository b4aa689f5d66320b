import { assignRider } from '../../../core/delivery/assign-rider';
import { DELIVERY_STATUSES, deliveryView, type DeliveryOrder, type DeliveryView } from '../../../core/delivery/delivery-view';
import { listDispatchBoard, type DispatchBoard } from '../../../core/delivery/list-dispatch-board';
import { listMyDeliveries } from '../../../core/delivery/list-my-deliveries';
import { markDeliveryDelivered } from '../../../core/delivery/mark-delivery-delivered';
import { markDeliveryFailed } from '../../../core/delivery/mark-delivery-failed';
import { markDeliveryPickedUp } from '../../../core/delivery/mark-delivery-picked-up';
import { readTravelTime } from '../../../core/delivery/travel-time';
import { unassignRider } from '../../../core/delivery/unassign-rider';
import { updateDeliverySettings } from '../../../core/delivery/update-delivery-settings';
import type { TravelTime } from '../../../domain/delivery/travel-time';
import type { RiderAvailability } from '../../../domain/delivery/rider-suggestion';
import type { TenantDb } from '../../../db/tenant-scope';
import { builder } from '../builder';
import { OrderRef, OrderStatusEnum } from './order';

export const DeliveryStatusEnum = builder.enumType('DeliveryStatus', {
  values: Object.fromEntries(DELIVERY_STATUSES.map((s) => [s.toUpperCase(), { value: s }])) as Record<
    Uppercase<(typeof DELIVERY_STATUSES)[number]>,
    { value: string }
  >,
});
const RiderStateEnum = builder.enumType('RiderState', {
  values: {
    FREE: { description: 'On shift, at the pass.' },
    OUT: { description: 'Carrying a delivery.' },
    OFF_SHIFT: { description: 'Not on shift now: cannot be sent.' },
  },
});

const DeliveryOrderItemRef = builder.objectRef<DeliveryOrder['items'][number]>('DeliveryOrderItem').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.string({ description: 'Name when ordered.', resolve: (i) => i.nameSnapshot }),
    quantity: t.exposeInt('quantity'),
    modifications: t.exposeString('modifications', { nullable: true }),
    notes: t.exposeString('notes', { nullable: true }),
  }),
});

const DeliveryOrderRef = builder.objectRef<DeliveryOrder>('DeliveryOrder').implement({
  description: 'What a rider needs of the order: who, where, what. No prices, no kitchen.',
  fields: (t) => ({
    id: t.exposeID('id'),
    orderNumber: t.exposeInt('orderNumber'),
    status: t.field({ type: OrderStatusEnum, resolve: (o) => o.status }),
    customerName: t.exposeString('customerName', { nullable: true }),
    customerPhone: t.exposeString('customerPhone', { nullable: true }),
    customerAddress: t.exposeString('customerAddress', { nullable: true }),
    notes: t.exposeString('notes', { nullable: true }),
    items: t.field({ type: [DeliveryOrderItemRef], resolve: (o) => o.items }),
  }),
});

const RiderRef = builder.objectRef<{ id: string; name: string }>('Rider').implement({
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name') }),
});

export const DeliveryRef = builder.objectRef<DeliveryView>('Delivery').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.field({ type: DeliveryStatusEnum, resolve: (d) => d.status }),
    rider: t.field({ type: RiderRef, nullable: true, resolve: (d) => d.rider }),
    assignedAt: t.expose('assignedAt', { type: 'DateTime', nullable: true }),
    pickedUpAt: t.expose('pickedUpAt', { type: 'DateTime', nullable: true }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
    failedAt: t.expose('failedAt', { type: 'DateTime', nullable: true }),
    failureReason: t.exposeString('failureReason', { nullable: true }),
    notes: t.exposeString('notes', { nullable: true }),
    readyAt: t.expose('readyAt', { type: 'DateTime', nullable: true, description: "The kitchen's ready time: when it was ready, else its ETA." }),
    deliveredBy: t.expose('deliveredBy', {
      type: 'DateTime',
      nullable: true,
      description: "At the customer's door: ready time + the tenant's travel time; from the pickup once out; the delivery time once delivered.",
    }),
    order: t.field({ type: DeliveryOrderRef, resolve: (d) => d.order }),
  }),
});

const TravelTimeRef = builder.objectRef<TravelTime>('TravelTime').implement({
  description: "The tenant's travel time to a customer: its setting until 5 trips are delivered, then the median of the latest 20.",
  fields: (t) => ({
    minutes: t.exposeInt('minutes', { description: 'What ETAs use now.' }),
    configuredMinutes: t.exposeInt('configuredMinutes', { description: 'The setting (20 until a manager sets it).' }),
    learnedMinutes: t.exposeInt('learnedMinutes', { nullable: true, description: 'From delivered trips; null below 5 of them.' }),
    trips: t.exposeInt('trips', { description: 'Delivered trips the learned time looked at.' }),
  }),
});

const RiderStatusRef = builder.objectRef<RiderAvailability>('RiderStatus').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    state: t.field({ type: RiderStateEnum, resolve: (r) => r.state }),
    outSince: t.expose('outSince', { type: 'DateTime', nullable: true }),
    expectedBackAt: t.expose('expectedBackAt', { type: 'DateTime', nullable: true, description: 'Out: out since + travel time × 2. Free: now.' }),
    waiting: t.exposeInt('waiting', { description: 'Deliveries assigned to the rider, not yet picked up.' }),
  }),
});

const DispatchBoardRef = builder.objectRef<DispatchBoard>('DispatchBoard').implement({
  fields: (t) => ({
    deliveries: t.field({ type: [DeliveryRef], resolve: (b) => b.deliveries }),
    later: t.exposeInt('later', { description: 'Deliveries still in the kitchen beyond the window.' }),
    riders: t.field({ type: [RiderStatusRef], resolve: (b) => b.riders }),
    suggestedRiderId: t.exposeID('suggestedRiderId', {
      nullable: true,
      description: 'The rider back at the pass soonest: free first, then out riders by return.',
    }),
    travel: t.field({ type: TravelTimeRef, resolve: (b) => b.travel }),
    withinMinutes: t.exposeInt('withinMinutes'),
  }),
});

const UpdateDeliverySettingsInput = builder.inputType('UpdateDeliverySettingsInput', {
  fields: (t) => ({ travelMinutes: t.int({ required: true, description: 'Minutes from the pass to the door, 1..180.' }) }),
});

/** The tenant's travel time, read once per request however many orders ask for it. */
const travelOfRequest = new WeakMap<object, Promise<TravelTime>>();
export function requestTravelTime(ctx: object, db: TenantDb): Promise<TravelTime> {
  let travel = travelOfRequest.get(ctx);
  if (!travel) travelOfRequest.set(ctx, (travel = readTravelTime(db)));
  return travel;
}

// Answering a customer's call: when the kitchen has it and when it is at the door.
builder.objectFields(OrderRef, (t) => ({
  delivery: t.field({
    type: DeliveryRef,
    nullable: true,
    description: 'Its delivery, for an order with an address.',
    resolve: async (o, _args, ctx) => (o.delivery && ctx.db ? deliveryView({ ...o.delivery, order: o }, (await requestTravelTime(ctx, ctx.db)).minutes) : null),
  }),
  deliveredBy: t.field({
    type: 'DateTime',
    nullable: true,
    description: "A delivery's ETA at the door (Delivery.deliveredBy); null for an order without an address.",
    resolve: async (o, _args, ctx) =>
      o.delivery && ctx.db ? deliveryView({ ...o.delivery, order: o }, (await requestTravelTime(ctx, ctx.db)).minutes).deliveredBy : null,
  }),
}));

builder.queryFields((t) => ({
  dispatchBoard: t.withAuth({ permission: 'deliveries:dispatch' }).field({
    type: DispatchBoardRef,
    args: { withinMinutes: t.arg.int({ description: 'Orders still in the kitchen show when due within this many minutes (default 20).' }) },
    resolve: (_root, args, { db, actor }) => listDispatchBoard({ db, actor, input: args }),
  }),
  myDeliveries: t.withAuth({ permission: 'deliveries:work' }).field({
    type: [DeliveryRef],
    description: "The caller's deliveries still to carry, those out first.",
    resolve: (_root, _args, { db, actor }) => listMyDeliveries({ db, actor, input: undefined }),
  }),
}));

builder.mutationFields((t) => ({
  assignRider: t.withAuth({ permission: 'deliveries:dispatch' }).field({
    type: DeliveryRef,
    description: 'BAD_USER_INPUT for someone who is not an active rider, CONFLICT when off shift or the delivery is already out.',
    args: { deliveryId: t.arg.id({ required: true }), riderId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => assignRider({ ...ctx, input: { deliveryId: String(args.deliveryId), riderId: String(args.riderId) } }),
  }),
  unassignRider: t.withAuth({ permission: 'deliveries:dispatch' }).field({
    type: DeliveryRef,
    args: { deliveryId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => unassignRider({ ...ctx, input: { deliveryId: String(args.deliveryId) } }),
  }),
  markDeliveryPickedUp: t.withAuth({ permission: 'deliveries:work' }).field({
    type: DeliveryRef,
    description: 'The order must be READY; it goes OUT_FOR_DELIVERY. FORBIDDEN on another rider’s delivery.',
    args: { deliveryId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => markDeliveryPickedUp({ ...ctx, input: { deliveryId: String(args.deliveryId) } }),
  }),
  markDeliveryDelivered: t.withAuth({ permission: 'deliveries:work' }).field({
    type: DeliveryRef,
    description: 'Only once picked up; the order is DELIVERED. FORBIDDEN on another rider’s delivery.',
    args: { deliveryId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => markDeliveryDelivered({ ...ctx, input: { deliveryId: String(args.deliveryId) } }),
  }),
  markDeliveryFailed: t.withAuth({ permission: 'deliveries:work' }).field({
    type: DeliveryRef,
    description: 'Only once picked up, with the reason; the order is DELIVERY_FAILED. FORBIDDEN on another rider’s delivery.',
    args: { deliveryId: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => markDeliveryFailed({ ...ctx, input: { deliveryId: String(args.deliveryId), reason: args.reason } }),
  }),
  updateDeliverySettings: t.withAuth({ permission: 'deliveries:configure' }).field({
    type: TravelTimeRef,
    args: { input: t.arg({ type: UpdateDeliverySettingsInput, required: true }) },
    resolve: (_root, { input }, { db, actor }) => updateDeliverySettings({ db, actor, input }),
  }),
}));
