import { randomUUID } from 'node:crypto';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signPayload } from '../platforms/signature';

/** A webhook event as the sandbox sends it. */
export interface SandboxEvent {
  id: string;
  type: 'order.placed' | 'order.cancelled';
  createdAt: string;
  data: { order: unknown };
}

export interface WebhookTarget {
  url: string;
  /** Signs with the first; tests rotate by putting a new one first. */
  secret: string;
}

export interface DeliveryAttempt {
  eventId: string;
  type: string;
  attempt: number;
  status: number | null;
  at: string;
}

export const makeEvent = (type: SandboxEvent['type'], order: unknown): SandboxEvent => ({
  id: `evt_${randomUUID()}`,
  type,
  createdAt: new Date().toISOString(),
  data: { order },
});

/**
 * Delivers like a real marketplace: signed (real wall-clock timestamp, so the receiver's
 * tolerance check means something even when the sandbox clock is advanced), retried with
 * backoff on anything but 2xx, up to `maxAttempts`.
 */
export async function deliver(
  target: WebhookTarget,
  event: SandboxEvent,
  log: DeliveryAttempt[],
  opts: { maxAttempts?: number; backoffMs?: number } = {},
): Promise<boolean> {
  const raw = JSON.stringify(event);
  const maxAttempts = opts.maxAttempts ?? 5;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const ts = Math.floor(Date.now() / 1000);
    let status: number | null;
    try {
      const res = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TIMESTAMP_HEADER]: String(ts), [SIGNATURE_HEADER]: signPayload(target.secret, ts, raw) },
        body: raw,
        signal: AbortSignal.timeout(5_000),
      });
      status = res.status;
      await res.arrayBuffer();
    } catch {
      status = null;
    }
    log.push({ eventId: event.id, type: event.type, attempt, status, at: new Date().toISOString() });
    if (status !== null && status >= 200 && status < 300) return true;
    await new Promise((resolve) => setTimeout(resolve, (opts.backoffMs ?? 200) * 2 ** (attempt - 1)));
  }
  return false;
}
