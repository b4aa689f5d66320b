import type { OrderStatusTransition } from '../contracts/platform-activities';

/** The platform order workflow's input and stages, shared by its follow-up loop. */
export interface PlatformOrderWorkflowInput {
  tenantId: string;
  platformId: string;
  platformOrderId: string;
  /** How often our order's state is read; tests shorten it. */
  pollMs?: number;
  /** Set only by continue-as-new. */
  carry?: { orderId: string; promisedReadyAt: string; sent: OrderStatusTransition[] };
}

export type PlatformOrderStage = 'intake' | 'accepted' | 'needs_review' | 'denied' | 'cancelled' | 'picked_up' | 'delivered';
