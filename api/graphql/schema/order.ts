import { cancelOrder } from '../../../core/orders/cancel-order';
import { handOffOrder } from '../../../core/orders/hand-off-order';
import { FULFILLMENTS, HAND_OFF_STATUSES, handOffChoices } from '../../../domain/kitchen/hand-off';
import { createOrder } from '../../../core/orders/create-order';
import { getOrder } from '../../../core/orders/get-order';
import { countOrders, listOrders } from '../../../core/orders/list-orders';
import type { OrderItemWithTasks, OrderWithItems } from '../../../core/orders/order-include';
import { ORDER_CHANNELS, ORDER_STATUSES } from '../../../core/orders/order-input';
import { updateOrder } from '../../../core/orders/update-order';
import { orderTaskNodes } from '../../../core/tasks/task-node';
import { orderRange, storedPromiseRange, type RangeBasis } from '../../../domain/eta/eta-range';
import { builder } from '../builder';
import { parseOrderedModifiers } from '../../../domain/menu';
import { OrderedModifierRef } from './modifier-group';
import { TaskInstanceRef } from './task';

export const OrderStatusEnum = builder.enumType('OrderStatus', { values: ORDER_STATUSES });
export const OrderChannelEnum = builder.enumType('OrderChannel', { values: ORDER_CHANNELS });
const FulfillmentEnum = builder.enumType('OrderFulfillment', {
  description: 'How the order leaves the pass: collected at the counter, served at a table, or delivered.',
  values: FULFILLMENTS,
});
const HandOffStatusEnum = builder.enumType('HandOffStatus', {
  description: 'The statuses after READY: PICKED_UP, SERVED or OUT_FOR_DELIVERY from READY; DELIVERED or DELIVERY_FAILED from OUT_FOR_DELIVERY.',
  values: HAND_OFF_STATUSES,
});
const OrderItemStatusEnum = builder.enumType('OrderItemStatus', { values: ['PENDING', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const });

const OrderMenuItemRef = builder.objectRef<OrderItemWithTasks['menuItem']>('OrderMenuItem').implement({
  description: 'The dish an order item refers to (its current name; the item keeps the name it was ordered with).',
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name'), allergens: t.exposeStringList('allergens') }),
});

/** Items carry their order so their tasks can show it without another query. */
type OrderItemNode = { order: OrderWithItems; item: OrderItemWithTasks };

const OrderItemRef = builder.objectRef<OrderItemNode>('OrderItem').implement({
  fields: (t) => ({
    id: t.id({ resolve: (n) => n.item.id }),
    status: t.field({ type: OrderItemStatusEnum, resolve: (n) => n.item.status }),
    name: t.string({ description: 'Name when ordered.', resolve: (n) => n.item.nameSnapshot }),
    quantity: t.int({ resolve: (n) => n.item.quantity }),
    unitPrice: t.field({ type: 'Decimal', description: 'Price when ordered.', resolve: (n) => n.item.unitPrice.toFixed(2) }),
    modifications: t.string({ nullable: true, resolve: (n) => n.item.modifications }),
    modifiers: t.field({
      type: [OrderedModifierRef],
      description: 'The modifier options ordered, as they were then.',
      resolve: (n) => parseOrderedModifiers(n.item.modifiers),
    }),
    notes: t.string({ nullable: true, resolve: (n) => n.item.notes }),
    estimatedReadyAt: t.field({ type: 'DateTime', nullable: true, resolve: (n) => n.item.estimatedReadyAt }),
    isLate: t.boolean({ resolve: (n) => n.item.isLate }),
    menuItem: t.field({ type: OrderMenuItemRef, resolve: (n) => n.item.menuItem }),
    tasks: t.field({ type: [TaskInstanceRef], resolve: (n) => orderTaskNodes(n.order, n.item) }),
  }),
});

const EtaRangeBasisEnum = builder.enumType('EtaRangeBasis', {
  description:
    'LEARNED: P10..P90 of simulations with the durations drawn from their learned spread. FIXED: fixed shares of the time left (no spread learned, or an order read).',
  values: ['LEARNED', 'FIXED'] as const,
});

export const EtaRangeRef = builder.objectRef<{ from: Date; to: Date; basis: RangeBasis }>('EtaRange').implement({
  description: 'Whole minutes around an ETA (domain/eta/eta-range.ts): what to tell a customer.',
  fields: (t) => ({
    from: t.expose('from', { type: 'DateTime' }),
    to: t.expose('to', { type: 'DateTime' }),
    basis: t.expose('basis', { type: EtaRangeBasisEnum }),
  }),
});

export const OrderRef = builder.objectRef<OrderWithItems>('Order').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    orderNumber: t.exposeInt('orderNumber', { description: 'Per kitchen, counting up from 1.' }),
    status: t.field({ type: OrderStatusEnum, resolve: (o) => o.status }),
    priority: t.exposeInt('priority', { description: '0 normal, 1 high, 2 urgent.' }),
    channel: t.field({ type: OrderChannelEnum, resolve: (o) => o.channel }),
    fulfillment: t.field({ type: FulfillmentEnum, resolve: (o) => o.fulfillment }),
    handOffChoices: t.field({
      type: [HandOffStatusEnum],
      description: 'What the pass may do with the order now, the usual hand-off first (empty before READY and once closed).',
      resolve: (o) => handOffChoices(o.fulfillment, o.status),
    }),
    customerName: t.exposeString('customerName', { nullable: true }),
    customerPhone: t.exposeString('customerPhone', { nullable: true, description: 'Digits (and a leading +) only.' }),
    customerAddress: t.exposeString('customerAddress', { nullable: true }),
    notes: t.exposeString('notes', { nullable: true }),
    requestedAt: t.expose('requestedAt', { type: 'DateTime', nullable: true, description: 'A scheduled order is fired to be ready then.' }),
    estimatedReadyAt: t.expose('estimatedReadyAt', { type: 'DateTime', nullable: true, description: 'Simulated from the current kitchen state.' }),
    estimatedReadyRange: t.field({
      type: EtaRangeRef,
      nullable: true,
      description:
        "The range around estimatedReadyAt, as of now: the promise's range (LEARNED where a spread was learned) moved with the estimate, else FIXED shares; null without an estimate or once the order is ready.",
      resolve: (o) => (o.estimatedReadyAt && !o.actualReadyAt ? orderRange(o.estimatedReadyAt, new Date(), storedPromiseRange(o)) : null),
    }),
    promisedReadyAt: t.expose('initialEstimatedReadyAt', {
      type: 'DateTime',
      nullable: true,
      description: 'The ready time promised when the order was taken.',
    }),
    promisedReadyRange: t.field({
      type: EtaRangeRef,
      nullable: true,
      description:
        'The range told with the promise, as stored then (P10..P90 of the sampled runs where a spread was learned); null for orders promised nothing.',
      resolve: (o) => {
        const r = storedPromiseRange(o);
        return r && { from: r.from, to: r.to, basis: r.basis };
      },
    }),
    etaBreakdown: t.expose('etaBreakdown', { type: 'JSON', nullable: true, description: 'Per-item ready times behind estimatedReadyAt.' }),
    actualReadyAt: t.expose('actualReadyAt', { type: 'DateTime', nullable: true }),
    handedOffAt: t.expose('handedOffAt', { type: 'DateTime', nullable: true, description: 'When it left the pass: collected, served or out with a rider.' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true, description: 'When it reached its final status after READY.' }),
    failureReason: t.exposeString('failureReason', { nullable: true, description: 'Why its delivery failed.' }),
    isLate: t.exposeBoolean('isLate'),
    delayMinutes: t.exposeInt('delayMinutes'),
    totalAmount: t.field({ type: 'Decimal', resolve: (o) => o.totalAmount.toFixed(2) }),
    cancelReason: t.exposeString('cancelReason', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    trackingToken: t.withAuth({ permission: 'orders:write' }).exposeString('trackingToken', {
      description: "The customer's tracking page is /track/<trackingToken>: this order's status, ETA range and dishes, no login.",
    }),
    items: t.field({ type: [OrderItemRef], resolve: (o) => o.items.map((item) => ({ order: o, item })) }),
  }),
});

const OrderItemModifierInput = builder.inputType('OrderItemModifierInput', {
  description: 'One modifier option of the dish (see MenuItem.modifierGroups).',
  fields: (t) => ({ groupId: t.id({ required: true }), optionId: t.id({ required: true }) }),
});

export const OrderItemInput = builder.inputType('OrderItemInput', {
  fields: (t) => ({
    menuItemId: t.id({ required: true }),
    quantity: t.int({ required: true, description: '1..50; one kitchen task makes the whole quantity.' }),
    modifications: t.string({ description: 'Free text for the kitchen, beside the structured modifiers.' }),
    modifiers: t.field({ type: [OrderItemModifierInput] }),
    notes: t.string(),
  }),
});

const CreateOrderInput = builder.inputType('CreateOrderInput', {
  fields: (t) => ({
    channel: t.field({ type: OrderChannelEnum, required: true }),
    fulfillment: t.field({ type: FulfillmentEnum, description: 'Default: DELIVERY when there is an address, else TAKEAWAY.' }),
    customerName: t.string(),
    customerPhone: t.string(),
    customerAddress: t.string(),
    notes: t.string(),
    priority: t.int({ description: '0 normal (default), 1 high, 2 urgent.' }),
    requestedAt: t.field({ type: 'DateTime', description: 'Schedule the order for later (must be in the future).' }),
    idempotencyKey: t.string({ description: 'Retrying with the same key returns the same order instead of a second one.' }),
    items: t.field({ type: [OrderItemInput], required: true }),
  }),
});

const UpdateOrderInput = builder.inputType('UpdateOrderInput', {
  fields: (t) => ({ priority: t.int(), notes: t.string() }),
});

const listArgs = (t: Parameters<Parameters<typeof builder.queryFields>[0]>[0]) => ({
  status: t.arg({ type: [OrderStatusEnum], description: 'Any of these statuses.' }),
  date: t.arg.string({ description: 'Created on this day (YYYY-MM-DD, kitchen time zone).' }),
  search: t.arg.string({ description: 'Phone (any formatting), customer name or order number: for call-backs.' }),
});

builder.queryFields((t) => ({
  order: t.withAuth({ permission: 'orders:read' }).field({
    type: OrderRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, { db, actor }) => getOrder({ db, actor, input: { id: String(args.id) } }),
  }),
  orders: t.withAuth({ permission: 'orders:read' }).field({
    type: [OrderRef],
    description: 'Newest first; orderCount with the same filters gives the total.',
    args: { ...listArgs(t), limit: t.arg.int({ defaultValue: 50 }), offset: t.arg.int({ defaultValue: 0 }) },
    resolve: (_root, args, { db, actor }) => listOrders({ db, actor, input: args }),
  }),
  orderCount: t.withAuth({ permission: 'orders:read' }).field({
    type: 'Int',
    description: 'How many orders match (the total behind a page of `orders`).',
    args: listArgs(t),
    resolve: (_root, args, { db, actor }) => countOrders({ db, actor, input: args }),
  }),
}));

builder.mutationFields((t) => ({
  createOrder: t.withAuth({ permission: 'orders:write' }).field({
    type: OrderRef,
    args: { input: t.arg({ type: CreateOrderInput, required: true }) },
    resolve: (_root, { input }, ctx) => createOrder({ ...ctx, input }),
  }),
  updateOrder: t.withAuth({ permission: 'orders:write' }).field({
    type: OrderRef,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateOrderInput, required: true }) },
    resolve: (_root, args, ctx) => updateOrder({ ...ctx, input: { id: String(args.id), changes: args.input } }),
  }),
  handOffOrder: t.withAuth({ permission: 'orders:handoff' }).field({
    type: OrderRef,
    description: 'After READY: collected, served or out with a rider; then delivered or failed (reason required). CONFLICT out of order.',
    args: { id: t.arg.id({ required: true }), to: t.arg({ type: HandOffStatusEnum, required: true }), reason: t.arg.string() },
    resolve: (_root, args, ctx) => handOffOrder({ ...ctx, input: { id: String(args.id), to: args.to, reason: args.reason } }),
  }),
  cancelOrder: t.withAuth({ permission: 'orders:write' }).field({
    type: OrderRef,
    description: 'Cancels every open task at every station and returns deducted inventory. CONFLICT once READY.',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => cancelOrder({ ...ctx, input: { id: String(args.id), reason: args.reason } }),
  }),
}));
