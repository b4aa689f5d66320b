import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../../db/client';
import type { Platform } from '../../prisma/generated/client';
import { PermanentError, RateLimitedError, type PlatformConnector } from '../../platforms/connector';
import { connectorFor } from '../../platforms/connectors';
import { decryptCredentials } from '../../platforms/credentials';
import type { Prisma } from '../../prisma/generated/client';
import { errorMessage } from '../../contracts/errors';

/** Failure types the platform workflows branch on. */
export type PlatformFailureType = 'PLATFORM_REJECTED' | 'PLATFORM_NOT_FOUND' | 'PLATFORM_ORDER_HELD';

export async function loadPlatform(prisma: Db, tenantId: string, platformId: string): Promise<{ platform: Platform; connector: PlatformConnector }> {
  const platform = await prisma.platform.findFirst({ where: { id: platformId, tenantId } });
  if (!platform) throw ApplicationFailure.nonRetryable(`Platform ${platformId} not found`, 'PLATFORM_NOT_FOUND');
  return { platform, connector: connectorFor(platform, decryptCredentials(platform.credentialsEncrypted)) };
}

/**
 * Connector errors → Temporal's retry semantics: a 4xx will never succeed (non-retryable), a 429
 * retries exactly when the platform said (nextRetryDelay = Retry-After), anything else retries
 * with the activity's backoff.
 */
export function asActivityFailure(err: unknown): unknown {
  if (err instanceof PermanentError) return ApplicationFailure.nonRetryable(err.message, 'PLATFORM_REJECTED');
  if (err instanceof RateLimitedError) return ApplicationFailure.create({ message: err.message, type: 'RATE_LIMITED', nextRetryDelay: err.retryAfterMs });
  return err;
}

export interface SendOnceOptions<T> {
  prisma: Db;
  tenantId: string;
  platformId: string;
  /** Unique per platform: `accept:<platformOrderId>`, `status:ready:<platformOrderId>`... */
  key: string;
  kind: string;
  entityType?: string;
  entityId?: string;
  request?: Prisma.InputJsonValue;
  send: (idempotencyKey: string) => Promise<T>;
  /** Asks the platform whether an earlier attempt already took effect (it may have committed while we timed out). */
  probe?: () => Promise<boolean>;
}

export type SendOnceResult = 'sent' | 'already-sent' | 'found-on-platform';

/**
 * Exactly-once outbound calls. The SyncLog row (unique platformId + idempotencyKey) is written
 * before the call; a row already `sent` means done. A row left `sending`/`failed` means an
 * earlier attempt may have reached the platform, so we ask (probe) before sending again, and
 * the call carries the key as Idempotency-Key for platforms that honour it.
 */
export async function sendOnce<T>(opts: SendOnceOptions<T>): Promise<SendOnceResult> {
  const where = { platformId_idempotencyKey: { platformId: opts.platformId, idempotencyKey: opts.key } };
  const existing = await opts.prisma.syncLog.findUnique({ where });
  if (existing?.status === 'sent') return 'already-sent';
  if (!existing) {
    await opts.prisma.syncLog.upsert({
      where,
      create: {
        tenantId: opts.tenantId,
        platformId: opts.platformId,
        kind: opts.kind,
        status: 'sending',
        entityType: opts.entityType,
        entityId: opts.entityId,
        idempotencyKey: opts.key,
        request: opts.request,
      },
      update: {},
    });
  } else {
    if (opts.probe && (await opts.probe())) {
      await opts.prisma.syncLog.update({ where, data: { status: 'sent', response: { foundOnPlatform: true }, error: null } });
      return 'found-on-platform';
    }
    await opts.prisma.syncLog.update({ where, data: { attempts: { increment: 1 } } });
  }
  try {
    const response = await opts.send(opts.key);
    await opts.prisma.syncLog.update({ where, data: { status: 'sent', response: (response ?? { ok: true }) as Prisma.InputJsonValue, error: null } });
    return 'sent';
  } catch (err) {
    await opts.prisma.syncLog.update({ where, data: { status: 'failed', error: errorMessage(err) } });
    throw asActivityFailure(err);
  }
}

/** A one-off log row for calls that are not keyed transitions (menu item pushes, polls). */
export async function logSync(
  prisma: Db,
  row: {
    tenantId: string;
    platformId: string;
    kind: string;
    status: string;
    entityType?: string;
    entityId?: string;
    error?: string | null;
    request?: Prisma.InputJsonValue;
  },
) {
  await prisma.syncLog.create({ data: { ...row, error: row.error ?? null } });
}
