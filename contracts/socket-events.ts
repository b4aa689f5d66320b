import { z } from 'zod';
import type { Permission } from '../domain/auth/permissions';

/**
 * The one typed Socket.io event map, shared by the API (server), the worker (emitter) and the
 * web apps (client). No Node imports: the browser bundle imports this file too.
 * Payloads are plain JSON: dates travel as ISO strings, decimals as numbers.
 */

export type RoleName = 'OWNER' | 'ADMIN' | 'MANAGER' | 'STAFF' | 'OPERATOR' | 'DELIVERY';
export type OrderStatusName = 'NEW' | 'PREPARING' | 'READY' | 'PICKED_UP' | 'SERVED' | 'OUT_FOR_DELIVERY' | 'DELIVERED' | 'DELIVERY_FAILED' | 'CANCELLED';
export type OrderChannelName = 'PHONE' | 'IN_STORE' | 'ONLINE' | 'IMPORT';
export type TaskStatusName = 'PENDING' | 'QUEUED' | 'IN_PROGRESS' | 'DONE' | 'BLOCKED' | 'CANCELLED';
export type DeliveryStatusName = 'pending' | 'assigned' | 'picked_up' | 'delivered' | 'failed';
export type SyncStatusName = 'PENDING' | 'SYNCED' | 'FAILED';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What a live board needs to draw a new order card without a refetch. */
export type OrderPayload = {
  id: string;
  orderNumber: number;
  channel: OrderChannelName;
  status: OrderStatusName;
  customerName: string | null;
  priority: number;
  estimatedReadyAt: string | null;
  createdAt: string;
  items: Array<{ id: string; menuItemId: string; name: string; quantity: number; status: string }>;
};

export type OrderCreatedPayload = { order: OrderPayload };
export type OrderUpdatedPayload = {
  orderId: string;
  changes: Partial<Omit<OrderPayload, 'id'>> & {
    isLate?: boolean;
    delayMinutes?: number;
    /** Set with READY and the hand-offs: when it was ready, left the pass, reached its end. */
    actualReadyAt?: string | null;
    handedOffAt?: string | null;
    closedAt?: string | null;
    failureReason?: string | null;
  };
};
export type TaskUpdatedPayload = {
  taskId: string;
  status: TaskStatusName;
  orderId: string;
  orderItemId: string;
  stationId: string | null;
  /** Only when the order re-paced the task's item: its new planned start (the item's fire time, ISO). */
  plannedStartAt?: string;
};
export type TaskCompletedPayload = { taskId: string; orderId: string; stationId: string | null; completedBy: string | null };
/** `breakdown` is the same JSON the ETA calculator stores in Order.etaBreakdown. */
export type EtaRecalculatedPayload = { orderId: string; newEta: string; breakdown: JsonValue };
export type DeliveryUpdatedPayload = { deliveryId: string; status: DeliveryStatusName };
export type StationLoadPayload = {
  stationId: string;
  queueLength: number;
  inProgress: number;
  capacity: number;
  loadPercent: number;
};
export type ShiftChange = 'created' | 'updated' | 'deleted' | 'clocked-in' | 'clocked-out';
/**
 * A shift was planned, moved, taken off the plan, clocked in or out: staffing screens (the KDS
 * banner, "Today") refetch. `stationIds`: the stations whose staffing it may change (old and new).
 * Ids only: names and times are read through the API by those allowed to.
 */
export type ShiftUpdatedPayload = { shiftId: string; userId: string; stationIds: string[]; change: ShiftChange };
export type InventoryAlertPayload = { itemId: string; name: string; currentStock: number; minStock: number };
/** A menu item switched on/off, e.g. automatically when an ingredient runs out (`reason` says why). */
export type MenuUpdatedPayload = { menuItemId: string; isAvailable: boolean; reason: string | null };
export type MenuSyncPhase = 'loading' | 'uploading' | 'processing' | 'items' | 'done';
/**
 * Progress of one menu sync run (`runId`: the id resyncPlatform returned). `status` is PENDING
 * until phase 'done', then SYNCED when no dish failed, else FAILED; `message` explains a failure.
 */
/** A marketplace order changed state: held for review, accepted or denied (the review queue refreshes on it). */
export type PlatformOrderPayload = { platformId: string; platformOrderId: string; status: 'needs_review' | 'accepted' | 'denied'; reason?: string | null };
export type PlatformSyncPayload = {
  platformId: string;
  runId: string;
  phase: MenuSyncPhase;
  total: number;
  done: number;
  failed: number;
  status: SyncStatusName;
  message?: string;
};

/**
 * What every broadcast event carries after its payload: `seq` increases by one per event of the
 * tenant, in the order PostgreSQL committed them, so a client resumes after the last one it saw
 * and drops one it has already seen.
 */
export type EventMeta = { seq: number };

/** Server → client broadcasts. Each goes to one permission room of a tenant (and maybe a station room), never wider. */
export interface BroadcastEvents {
  'order:created': (payload: OrderCreatedPayload, meta: EventMeta) => void;
  'order:updated': (payload: OrderUpdatedPayload, meta: EventMeta) => void;
  'task:updated': (payload: TaskUpdatedPayload, meta: EventMeta) => void;
  'task:completed': (payload: TaskCompletedPayload, meta: EventMeta) => void;
  'eta:recalculated': (payload: EtaRecalculatedPayload, meta: EventMeta) => void;
  'delivery:updated': (payload: DeliveryUpdatedPayload, meta: EventMeta) => void;
  'station:load': (payload: StationLoadPayload, meta: EventMeta) => void;
  'inventory:alert': (payload: InventoryAlertPayload, meta: EventMeta) => void;
  'platform:sync': (payload: PlatformSyncPayload, meta: EventMeta) => void;
  'platform:order': (payload: PlatformOrderPayload, meta: EventMeta) => void;
  'menu:updated': (payload: MenuUpdatedPayload, meta: EventMeta) => void;
  'shift:updated': (payload: ShiftUpdatedPayload, meta: EventMeta) => void;
}

/**
 * The permission a user needs to receive each event: the GraphQL permission that reads the same
 * data (docs/permissions.md). A Record, so a new event without an entry fails the typecheck.
 */
export const EVENT_PERMISSIONS: Readonly<Record<keyof BroadcastEvents, Permission>> = {
  'order:created': 'orders:read',
  'order:updated': 'orders:read',
  'eta:recalculated': 'orders:read',
  'task:updated': 'stations:read',
  'task:completed': 'stations:read',
  'station:load': 'stations:read',
  // Dispatchers hear every delivery; a rider hears only their own, in their user room (toUser).
  'delivery:updated': 'deliveries:dispatch',
  'inventory:alert': 'inventory:read',
  'menu:updated': 'menu:read',
  'platform:sync': 'platforms:manage',
  'platform:order': 'platforms:manage',
  // Who works at which station is part of the stations' state (the KDS shows a station nobody staffs).
  'shift:updated': 'stations:read',
};

/**
 * Sent to one socket once it is in its rooms: it has been sent every event up to `seq` it may
 * read since the `lastSeq` it connected with. `complete: false`: some were too old to replay, refetch.
 */
export type ResumePayload = { seq: number; complete: boolean };

export interface ServerToClientEvents extends BroadcastEvents {
  'realtime:resume': (payload: ResumePayload) => void;
}

export type ServerEventName = keyof BroadcastEvents;
export type ServerEventPayload<E extends ServerEventName> = Parameters<BroadcastEvents[E]>[0];

/** Station rooms (the KDS) are for the roles that work kitchen tasks. */
export const STATION_ROOM_PERMISSION: Permission = 'tasks:work';

export type JoinStationAck = { ok: true } | { ok: false; error: 'BAD_USER_INPUT' | 'FORBIDDEN' | 'NOT_FOUND' | 'INTERNAL' };

export const joinStationSchema = z.object({ stationId: z.guid() });
export const leaveStationSchema = z.object({ stationId: z.guid() });
export type JoinStationInput = z.infer<typeof joinStationSchema>;
export type LeaveStationInput = z.infer<typeof leaveStationSchema>;

/**
 * Client → server. There is deliberately no `join_tenant`: the server puts each socket in its
 * own tenant's room from the verified token, so a client cannot ask for another tenant.
 */
export interface ClientToServerEvents {
  join_station: (payload: JoinStationInput, ack: (result: JoinStationAck) => void) => void;
  leave_station: (payload: LeaveStationInput, ack: (result: { ok: boolean }) => void) => void;
}

/** Server-to-server messages over the cluster adapter (used for the startup readiness probe). */
export interface InterServerEvents {
  'realtime:probe': (nonce: string) => void;
}

/**
 * What a client sends in the handshake: its access token and the `seq` of the last event it
 * received, to be sent what it missed while disconnected.
 */
export type HandshakeAuth = { token: string; lastSeq?: number };

/** Verified access-token claims, stored on the socket at handshake. */
export type SocketData = { userId: string; tenantId: string; tenantSlug: string; role: RoleName; name: string };

/** Room names are built only here, so server and emitter can never disagree. */
export function tenantRoom(tenantId: string): string {
  return `tenant:${tenantId}`;
}

/** Every socket of the tenant whose role has `permission`: what the publisher targets instead of the whole tenant. */
export function permissionRoom(tenantId: string, permission: Permission): string {
  return `tenant:${tenantId}:perm:${permission}`;
}

/** Every socket of one user, so logout or deactivation can cut them all on every node. */
export function userRoom(tenantId: string, userId: string): string {
  return `tenant:${tenantId}:user:${userId}`;
}

/**
 * Who may read an event sent to one user's room (EventPublisher.toUser), as the event log records
 * it in place of a permission: a socket resuming is replayed it only if it is that user's.
 */
export function userAudience(userId: string): string {
  return `user:${userId}`;
}

/** Station rooms carry the tenant id too: a guessed station id alone never reaches a room. */
export function stationRoom(tenantId: string, stationId: string): string {
  return `tenant:${tenantId}:station:${stationId}`;
}

/**
 * The public pages (the pickup board by the counter, a customer's tracking page) connect to this
 * namespace with a token instead of a user: no handshake of the main namespace, none of its rooms.
 */
export const PUBLIC_NAMESPACE = '/public';

/** What a public page sends in the handshake: the token of its URL, one of the two. */
export type PublicHandshakeAuth = { board: string } | { track: string };

/**
 * Public events carry nothing: the page refetches its own snapshot (GET /public/board/:token or
 * /public/track/:token), so a socket can never tell a customer more than that endpoint does.
 * `board:changed`: an order of the board's kitchen changed status. `track:changed`: the tracked
 * order's status, ETA or items changed.
 */
export interface PublicServerToClientEvents {
  'board:changed': () => void;
  'track:changed': () => void;
}
export type PublicEventName = keyof PublicServerToClientEvents;

/** A public socket knows what it shows and no more; there is nothing it may ask. */
export type PublicClientToServerEvents = Record<string, never>;
export type PublicSocketData = { tenantId: string; boardScreenId?: string; orderId?: string };

/** Every board screen of the tenant. */
export function boardRoom(tenantId: string): string {
  return `public:${tenantId}:board`;
}

/** One board screen, so revoking it disconnects exactly its sockets. */
export function boardScreenRoom(tenantId: string, screenId: string): string {
  return `public:${tenantId}:board-screen:${screenId}`;
}

/** The tracking pages of one order. */
export function trackingRoom(tenantId: string, orderId: string): string {
  return `public:${tenantId}:track:${orderId}`;
}
