import type { PlatformMenuItem } from '../contracts/platform-activities';

/**
 * What Brigade needs from a delivery marketplace. A real marketplace gets its own
 * implementation; `generic-rest` (rest-connector.ts) speaks the sandbox's REST dialect and
 * suits any platform configured by base URL and secrets.
 *
 * Errors: RateLimitedError (429, carries Retry-After), TransientError (5xx, timeouts, network:
 * retry), PermanentError (4xx: retrying cannot help).
 */
export interface PlatformOrderLine {
  productId: string;
  quantity: number;
  name?: string;
  notes?: string | null;
  /** Modifier names as the platform shows them ("No basil" or "Basil: No basil"). */
  modifiers?: string[] | null;
}

export interface PlatformOrderView {
  id: string;
  status: 'placed' | 'accepted' | 'denied' | 'preparing' | 'ready' | 'picked_up' | 'delivered' | 'cancelled';
  items: PlatformOrderLine[];
  customer?: { name?: string | null; phone?: string | null; address?: string | null };
  notes?: string | null;
  acceptDeadline?: string | null;
  promisedReadyAt?: string | null;
  readyAt?: string | null;
  createdAt?: string;
}

/** `delivered`: our own rider brought a platform order to the door. */
export type OrderStatusUpdate = 'preparing' | 'ready' | 'picked_up' | 'delivered' | 'cancelled';

export interface MenuUploadResult {
  status: 'processing' | 'done' | 'failed';
  errors: Array<{ productId: string; message: string }>;
}

/** `idempotencyKey` goes out as the Idempotency-Key header: a platform that honours it never applies a call twice. */
export interface CallOptions {
  idempotencyKey?: string;
}

export interface PlatformConnector {
  uploadMenu(items: PlatformMenuItem[], opts?: CallOptions): Promise<{ uploadId: string }>;
  menuUploadResult(uploadId: string): Promise<MenuUploadResult>;
  upsertItem(item: PlatformMenuItem, opts?: CallOptions): Promise<void>;
  setItemAvailability(productId: string, available: boolean, opts?: CallOptions): Promise<void>;
  setStoreStatus(status: 'online' | 'paused' | 'busy', extraMinutes: number, opts?: CallOptions): Promise<void>;
  getOrder(platformOrderId: string): Promise<PlatformOrderView>;
  listOrders(opts: { since?: string }): Promise<PlatformOrderView[]>;
  acceptOrder(platformOrderId: string, promisedReadyAt: string, opts?: CallOptions): Promise<void>;
  denyOrder(platformOrderId: string, reason: string, opts?: CallOptions): Promise<void>;
  updateOrderStatus(platformOrderId: string, status: OrderStatusUpdate, opts?: CallOptions): Promise<void>;
  updateReadyTime(platformOrderId: string, readyAt: string, opts?: CallOptions): Promise<void>;
}

export class PlatformError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
export class RateLimitedError extends PlatformError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message, 429);
  }
}
export class TransientError extends PlatformError {}
export class PermanentError extends PlatformError {}
