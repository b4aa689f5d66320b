/**
 * The contract between the platform workflows and their activities (as contracts/kitchen-activities.ts
 * is for the kitchen's): workflows import these types only, and activities/platforms implements them.
 */
import type { PlatformSyncPayload } from './socket-events';

export interface PlatformRef {
  tenantId: string;
  platformId: string;
}

/** Which platform order an activity acts on. */
export interface PlatformOrderRef extends PlatformRef {
  platformOrderId: string;
}

/** A dish as a platform's menu holds it. */
export interface PlatformMenuItem {
  productId: string;
  name: string;
  price: number;
  available: boolean;
  category?: string | null;
  description?: string | null;
}

export interface MenuEntry extends PlatformMenuItem {
  assignmentId: string;
}

export type ItemPushResult = { productId: string; ok: true } | { productId: string; ok: false; error: string };

export type OrderStatusTransition = 'preparing' | 'ready' | 'picked_up' | 'delivered' | 'cancelled';

export type IntakeResult =
  { kind: 'ok'; orderId: string | null } | { kind: 'review'; reason: string } | { kind: 'deny'; reason: string } | { kind: 'closed'; status: string };

/** Menu and availability pushes; per-item problems are recorded on the assignment, not thrown. */
export interface PlatformMenuActivities {
  loadPlatformMenu(ref: PlatformRef & { menuItemIds?: string[] }): Promise<MenuEntry[]>;
  uploadPlatformMenu(ref: PlatformRef & { items: MenuEntry[] }): Promise<{ uploadId: string }>;
  awaitMenuUpload(ref: PlatformRef & { uploadId: string; productIds: string[] }): Promise<ItemPushResult[]>;
  pushMenuItem(ref: PlatformRef & { item: MenuEntry }): Promise<ItemPushResult>;
  markMenuItemFailed(ref: PlatformRef & { productId: string; error: string }): Promise<void>;
  reconcilePlatformMenuContent(ref: PlatformRef & { known: Record<string, string> | null }): Promise<Record<string, string>>;
  pushStoreStatus(ref: PlatformRef): Promise<{ status: string; extraMinutes: number }>;
  reconcilePlatformAvailability(ref: PlatformRef & { known: Record<string, boolean> }): Promise<Record<string, boolean>>;
}

/** Our order's transitions mirrored on the platform, each exactly once, and its cancellation on ours. */
export interface PlatformOrderStatusActivities {
  sendPlatformOrderStatus(ref: PlatformOrderRef & { status: OrderStatusTransition }): Promise<void>;
  sendPlatformReadyTime(ref: PlatformOrderRef & { readyAt: string }): Promise<void>;
  cancelPlatformKitchenOrder(ref: PlatformOrderRef & { orderId: string | null }): Promise<void>;
}

/** A platform order's intake, our kitchen order, the accept or deny, and the progress it follows. */
export interface PlatformOrderActivities extends PlatformOrderStatusActivities {
  intakePlatformOrder(ref: PlatformOrderRef): Promise<IntakeResult>;
  createPlatformKitchenOrder(ref: PlatformOrderRef): Promise<{ orderId: string }>;
  acceptPlatformOrder(ref: PlatformOrderRef & { orderId: string }): Promise<{ promisedReadyAt: string }>;
  denyPlatformOrder(ref: PlatformOrderRef & { reason: string }): Promise<void>;
  readOrderProgress(input: { tenantId: string; orderId: string }): Promise<{ status: string; estimatedReadyAt: string | null }>;
}

export interface PlatformSyncEventActivities {
  reportMenuSyncProgress(input: PlatformSyncPayload & { tenantId: string }): Promise<void>;
}

export interface PlatformReconcileActivities {
  reconcilePlatformOrders(ref: PlatformRef & { since: string | null; pollMs?: number }): Promise<{ started: string[]; since: string }>;
}
