import { z } from 'zod';

/**
 * The one typed Socket.io event map, shared by the API (server), the worker (emitter) and the
 * web apps (client). No Node imports: the browser bundle imports this file too.
 * Payloads are plain JSON: dates travel as ISO strings, decimals as numbers.
 */

export type RoleName = 'OWNER' | 'ADMIN' | 'MANAGER' | 'STAFF' | 'OPERATOR' | 'DELIVERY';
export type OrderStatusName = 'NEW' | 'PREPARING' | 'READY' | 'DELIVERING' | 'DELIVERED' | 'CANCELLED';
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
export type OrderUpdatedPayload = { orderId: string; changes: Partial<Omit<OrderPayload, 'id'>> & { isLate?: boolean; delayMinutes?: number } };
export type TaskUpdatedPayload = {
  taskId: string;
  status: TaskStatusName;
  orderId: string;
  orderItemId: string;
  stationId: string | null;
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

/** Server → client. Every event goes to a tenant room or one of its station rooms, never wider. */
export interface ServerToClientEvents {
  'order:created': (payload: OrderCreatedPayload) => void;
  'order:updated': (payload: OrderUpdatedPayload) => void;
  'task:updated': (payload: TaskUpdatedPayload) => void;
  'task:completed': (payload: TaskCompletedPayload) => void;
  'eta:recalculated': (payload: EtaRecalculatedPayload) => void;
  'delivery:updated': (payload: DeliveryUpdatedPayload) => void;
  'station:load': (payload: StationLoadPayload) => void;
  'inventory:alert': (payload: InventoryAlertPayload) => void;
  'platform:sync': (payload: PlatformSyncPayload) => void;
  'platform:order': (payload: PlatformOrderPayload) => void;
  'menu:updated': (payload: MenuUpdatedPayload) => void;
}

export type ServerEventName = keyof ServerToClientEvents;
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];

export type JoinStationAck = { ok: true } | { ok: false; error: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'INTERNAL' };

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

/** Verified access-token claims, stored on the socket at handshake. */
export type SocketData = { userId: string; tenantId: string; tenantSlug: string; role: RoleName; name: string };

/** Room names are built only here, so server and emitter can never disagree. */
export function tenantRoom(tenantId: string): string {
  return `tenant:${tenantId}`;
}

/** Station rooms carry the tenant id too: a guessed station id alone never reaches a room. */
export function stationRoom(tenantId: string, stationId: string): string {
  return `tenant:${tenantId}:station:${stationId}`;
}
