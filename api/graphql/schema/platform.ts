import type { ProductPlatformAssignment, SyncLog } from '../../../prisma/generated/client';
import { platformReviewQueue, type PlatformOrderRow, type UnknownLine } from '../../../core/platforms/platform-order-view';
import { resolvePlatformOrder } from '../../../core/platforms/resolve-platform-order';
import { PLATFORM_TYPES } from '../../../core/platforms/platform-input';
import {
  assignProducts,
  createPlatform,
  listAssignments,
  listPlatformOrders,
  listPlatforms,
  listSyncLogs,
  resyncPlatform,
  setStoreStatus,
  unassignProducts,
} from '../../../core/platforms/platform-services';
import { updatePlatformAssignment } from '../../../core/platforms/update-assignment';
import { builder } from '../builder';

type PlatformRow = Awaited<ReturnType<typeof listPlatforms>>[number];
type AssignmentRow = ProductPlatformAssignment & { menuItem: { id: string; name: string } };

const PlatformTypeEnum = builder.enumType('PlatformType', { values: PLATFORM_TYPES });
const SyncStatusEnum = builder.enumType('SyncStatus', { values: ['PENDING', 'SYNCED', 'FAILED'] as const });

const PlatformRef = builder.objectRef<PlatformRow>('Platform').implement({
  description: 'A delivery marketplace or other sales channel. Its credentials are stored encrypted and never returned.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    type: t.field({ type: PlatformTypeEnum, resolve: (p) => p.type }),
    connector: t.exposeString('connector'),
    config: t.expose('config', { type: 'JSON', description: 'Connector settings (base URL, timeouts); no secrets.' }),
    isActive: t.exposeBoolean('isActive'),
    storeStatus: t.exposeString('storeStatus', { description: 'online, paused or busy.' }),
    busyExtraMinutes: t.exposeInt('busyExtraMinutes'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const AssignmentRef = builder.objectRef<AssignmentRow>('PlatformAssignment').implement({
  description: 'A dish offered on a platform, with its platform-specific data and sync state.',
  fields: (t) => ({
    id: t.exposeID('id'),
    menuItemId: t.exposeID('menuItemId'),
    menuItemName: t.string({ resolve: (a) => a.menuItem.name }),
    platformProductId: t.exposeString('platformProductId', { nullable: true }),
    platformName: t.exposeString('platformName', { nullable: true }),
    platformPrice: t.field({ type: 'Decimal', nullable: true, resolve: (a) => a.platformPrice?.toFixed(2) ?? null }),
    isAvailable: t.exposeBoolean('isAvailable'),
    syncStatus: t.field({ type: SyncStatusEnum, resolve: (a) => a.syncStatus }),
    syncError: t.exposeString('syncError', { nullable: true }),
    lastSyncedAt: t.expose('lastSyncedAt', { type: 'DateTime', nullable: true }),
    availableFrom: t.exposeString('availableFrom', { nullable: true, description: 'Offered from this time of day (HH:MM, restaurant time); null = all day.' }),
    availableTo: t.exposeString('availableTo', { nullable: true, description: 'Until this time (HH:MM, exclusive; before availableFrom = past midnight).' }),
    availableDays: t.exposeIntList('availableDays', { description: 'ISO weekdays it is offered on, 1 = Monday … 7 = Sunday.' }),
  }),
});

const UpdatePlatformAssignmentInput = builder.inputType('UpdatePlatformAssignmentInput', {
  description: "Omitted fields stay as they are; a null name or price falls back to the menu's.",
  fields: (t) => ({
    platformName: t.string(),
    platformPrice: t.field({ type: 'Decimal' }),
    isAvailable: t.boolean(),
    availableFrom: t.string({ description: 'HH:MM; together with availableTo, or both null for all day.' }),
    availableTo: t.string(),
    availableDays: t.intList(),
  }),
});

const SyncLogRef = builder.objectRef<SyncLog>('SyncLog').implement({
  description: 'One outbound platform call (or transition), for the sync history.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.exposeString('kind'),
    status: t.exposeString('status'),
    entityType: t.exposeString('entityType', { nullable: true }),
    entityId: t.exposeString('entityId', { nullable: true }),
    idempotencyKey: t.exposeString('idempotencyKey', { nullable: true }),
    attempts: t.exposeInt('attempts'),
    error: t.exposeString('error', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const PlatformOrderLineRef = builder.objectRef<UnknownLine>('PlatformOrderLine').implement({
  description: "A line of a platform order as the platform sent it (the platform's own item id).",
  fields: (t) => ({
    platformItemId: t.exposeString('platformItemId'),
    name: t.exposeString('name', { nullable: true }),
    quantity: t.exposeInt('quantity'),
  }),
});

const PlatformOrderRef = builder.objectRef<PlatformOrderRow>('PlatformOrder').implement({
  description: 'An order received from a platform; `needs_review` ones wait for resolvePlatformOrder.',
  fields: (t) => ({
    id: t.exposeID('id'),
    platformId: t.exposeID('platformId'),
    platformName: t.exposeString('platformName', { nullable: true }),
    platformOrderId: t.exposeString('platformOrderId'),
    orderId: t.exposeID('orderId', { nullable: true }),
    status: t.exposeString('status'),
    needsReview: t.exposeBoolean('needsReview'),
    reviewReason: t.exposeString('reviewReason', { nullable: true }),
    unknownItems: t.field({
      type: [PlatformOrderLineRef],
      description: 'Lines that match no dish on this platform (empty once the order became ours).',
      resolve: (o) => o.unknownItems,
    }),
    payload: t.expose('payload', { type: 'JSON' }),
    acceptDeadline: t.expose('acceptDeadline', { type: 'DateTime', nullable: true, description: 'When the platform auto-cancels an order nobody accepted.' }),
    promisedReadyAt: t.expose('promisedReadyAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const PlatformOrderResolutionEnum = builder.enumType('PlatformOrderResolution', { values: ['ACCEPT', 'DENY'] as const });

const PlatformItemMappingInput = builder.inputType('PlatformItemMappingInput', {
  fields: (t) => ({
    platformItemId: t.string({ required: true }),
    menuItemId: t.id({ required: true }),
  }),
});

const ResolvePlatformOrderInput = builder.inputType('ResolvePlatformOrderInput', {
  fields: (t) => ({
    platformOrderId: t.id({ required: true, description: "PlatformOrder.id (ours, not the platform's order number)." }),
    action: t.field({ type: PlatformOrderResolutionEnum, required: true }),
    itemMappings: t.field({ type: [PlatformItemMappingInput], description: 'ACCEPT: the dish for each unknown item; saved for future orders.' }),
    reason: t.string({ description: 'DENY: told to the platform (and the customer).' }),
  }),
});

const CreatePlatformInput = builder.inputType('CreatePlatformInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    type: t.field({ type: PlatformTypeEnum, required: true }),
    connector: t.string({ description: 'Defaults to generic-rest.' }),
    baseUrl: t.string({ required: true }),
    timeoutMs: t.int(),
    apiKey: t.string({ description: 'A static bearer token; or use clientId + clientSecret.' }),
    clientId: t.string({ description: 'OAuth2 client credentials: the connector obtains and refreshes expiring tokens.' }),
    clientSecret: t.string(),
    tokenUrl: t.string({ description: 'OAuth2 token endpoint; defaults to <baseUrl>/oauth/token.' }),
    webhookSecrets: t.stringList({ required: true, description: 'One, or two during a rotation (new first).' }),
    invalidOrders: t.string({
      description:
        "What happens to an order the kitchen cannot take as sent (a quantity of 0, a list that is no list): 'review' (default) keeps it for a person, 'deny' denies it on the platform with the reason.",
    }),
    deliveredBy: t.string({
      description:
        "Who takes its orders to the customer: 'platform' (default; its courier collects them at the pass, PICKED_UP) or 'restaurant' (our riders: OUT_FOR_DELIVERY, then DELIVERED is reported to the platform).",
    }),
  }),
});

const manage = { permission: 'platforms:manage' } as const;
/** Working the review queue is running the kitchen (MANAGER too); connecting platforms is not. */
const review = { permission: 'platforms:review' } as const;

builder.queryFields((t) => ({
  platforms: t.withAuth(manage).field({ type: [PlatformRef], resolve: (_r, _a, { db, actor }) => listPlatforms({ db, actor, input: {} }) }),
  // Read by the review queue too: accepting with a mapping re-links a dish, and the reviewer sees which.
  platformAssignments: t.withAuth(review).field({
    type: [AssignmentRef],
    args: { platformId: t.arg.id({ required: true }) },
    resolve: (_r, args, { db, actor }) => listAssignments({ db, actor, input: { platformId: String(args.platformId) } }),
  }),
  platformSyncLogs: t.withAuth(manage).field({
    type: [SyncLogRef],
    args: { platformId: t.arg.id({ required: true }), limit: t.arg.int() },
    resolve: (_r, args, { db, actor }) => listSyncLogs({ db, actor, input: { platformId: String(args.platformId), limit: args.limit } }),
  }),
  platformOrders: t.withAuth(manage).field({
    type: [PlatformOrderRef],
    args: { platformId: t.arg.id({ required: true }), needsReview: t.arg.boolean() },
    resolve: (_r, args, { db, actor }) => listPlatformOrders({ db, actor, input: { platformId: String(args.platformId), needsReview: args.needsReview } }),
  }),
  platformReviewQueue: t.withAuth(review).field({
    type: [PlatformOrderRef],
    description: 'Every order flagged for review, on every platform of the tenant, nearest accept deadline first.',
    resolve: (_r, _a, { db }) => platformReviewQueue({ db }),
  }),
}));

builder.mutationFields((t) => ({
  createPlatform: t.withAuth(manage).field({
    type: PlatformRef,
    args: { input: t.arg({ type: CreatePlatformInput, required: true }) },
    resolve: (_r, { input }, { db, actor, kitchen }) => createPlatform({ db, actor, input, kitchen }),
  }),
  assignPlatformProducts: t.withAuth(manage).field({
    type: 'Int',
    description: 'Offers these dishes on the platform; returns how many were newly assigned.',
    args: { platformId: t.arg.id({ required: true }), menuItemIds: t.arg.idList({ required: true }) },
    resolve: (_r, args, { db, actor }) =>
      assignProducts({ db, actor, input: { platformId: String(args.platformId), menuItemIds: args.menuItemIds.map(String) } }),
  }),
  unassignPlatformProducts: t.withAuth(manage).field({
    type: 'Int',
    args: { platformId: t.arg.id({ required: true }), menuItemIds: t.arg.idList({ required: true }) },
    resolve: (_r, args, { db, actor }) =>
      unassignProducts({ db, actor, input: { platformId: String(args.platformId), menuItemIds: args.menuItemIds.map(String) } }),
  }),
  setPlatformStoreStatus: t.withAuth(manage).field({
    type: PlatformRef,
    description: 'online, paused, or busy with extra preparation minutes (default 15); pushed to the platform in the background.',
    args: { platformId: t.arg.id({ required: true }), status: t.arg.string({ required: true }), extraMinutes: t.arg.int() },
    resolve: async (_r, args, { db, actor, kitchen }) =>
      (await setStoreStatus({ db, actor, kitchen, input: { platformId: String(args.platformId), status: args.status, extraMinutes: args.extraMinutes } }))
        .platform,
  }),
  updatePlatformAssignment: t.withAuth(manage).field({
    type: AssignmentRef,
    description: "One dish's name, price, availability and hours on the platform; pushed to it within seconds.",
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdatePlatformAssignmentInput, required: true }) },
    resolve: (_r, args, { db, actor, kitchen }) => updatePlatformAssignment({ db, actor, kitchen, input: { id: String(args.id), changes: args.input } }),
  }),
  resyncPlatform: t.withAuth(manage).field({
    type: 'String',
    description: 'Starts a menu sync (full, or only these dishes); returns the sync run id (the runId of its platform:sync progress events).',
    args: { platformId: t.arg.id({ required: true }), menuItemIds: t.arg.idList() },
    resolve: (_r, args, { db, actor, kitchen }) =>
      resyncPlatform({ db, actor, kitchen, input: { platformId: String(args.platformId), menuItemIds: args.menuItemIds?.map(String) } }),
  }),
  resolvePlatformOrder: t.withAuth(review).field({
    type: PlatformOrderRef,
    description: 'Accepts (with the missing item mappings) or denies an order flagged for review; once per order.',
    args: { input: t.arg({ type: ResolvePlatformOrderInput, required: true }) },
    resolve: (_r, { input }, { db, actor, kitchen }) =>
      resolvePlatformOrder({
        db,
        actor,
        kitchen,
        input: {
          ...input,
          platformOrderId: String(input.platformOrderId),
          itemMappings: input.itemMappings?.map((m) => ({ platformItemId: m.platformItemId, menuItemId: String(m.menuItemId) })),
        },
      }),
  }),
}));
