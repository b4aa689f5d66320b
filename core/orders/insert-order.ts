import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { NewOrder } from '../kitchen/counter-fire';
import { tenantRows } from '../../db/sql';
import { Prisma } from '../../prisma/generated/client';
import { auditRow } from '../audit/record-audit';
import { badInput } from '../errors';
import { COLUMN_MAX } from '../validate';
import type { TenantDb } from '../../db/tenant-scope';
import type { ServiceActor } from '../types';
import type { CreateOrderInput } from './order-input';
import { normalizePhone } from './phone';
import type { ResolvedLine } from './resolve-order-lines';

/** An order just stored: what the kitchen needs of it (planned and fired without reading it back), and its id and number. */
export interface StoredOrder extends NewOrder {
  id: string;
  orderNumber: number;
}

const StoredRow = z.object({ orderNumber: z.number().int() });

/**
 * Stores an order in ONE statement, so in one transaction and one round trip: the tenant's next
 * order number (UPDATE … RETURNING on its row: each number handed out once, orders of a tenant
 * queue on that row), the order with its price total, its items with price, name and recipe
 * version snapshots, its delivery when it is delivered, and the audit row. A duplicate idempotency key fails the whole statement
 * with a unique violation (23505), and nothing is stored.
 */
export async function insertOrder(db: TenantDb, actor: ServiceActor, data: CreateOrderInput, lines: ResolvedLine[]): Promise<StoredOrder> {
  const tenantId = actor.tenantId;
  const orderId = randomUUID();
  const now = Date.now();
  const items = lines.map((l) => ({ ...l, id: randomUUID() }));
  const totalAmount = lines.reduce((sum, l) => sum.add(l.unitPrice.mul(l.line.quantity)), new Prisma.Decimal(0));
  if (totalAmount.greaterThan(COLUMN_MAX.money)) {
    throw badInput([{ path: 'items', message: `the order total ${totalAmount.toFixed(2)} is more than ${COLUMN_MAX.money} can be` }], 'Order rejected');
  }
  // The order number is only known inside the statement: the audit row adds it there.
  const audit = auditRow({
    actor,
    action: 'order.create',
    entityType: 'Order',
    entityId: orderId,
    details: {
      channel: data.channel,
      totalAmount: totalAmount.toFixed(2),
      items: lines.map((l) => ({
        menuItemId: l.menuItem.id,
        quantity: l.line.quantity,
        workflowVersionId: l.version.id,
        ...(l.modifiers.length > 0 ? { modifiers: l.modifiers.map((m) => m.optionId) } : {}),
      })),
      idempotencyKey: data.idempotencyKey,
    },
  });
  const at = new Date(now);
  const [row] = await tenantRows(
    db,
    tenantId,
    'insertOrder',
    StoredRow,
    Prisma.sql`
    WITH seq AS (
      UPDATE tenants SET order_seq = order_seq + 1, updated_at = ${at} WHERE id = ${tenantId}::uuid RETURNING order_seq
    ), o AS (
      INSERT INTO orders (id, tenant_id, order_number, channel, fulfillment, status, customer_name, customer_phone, customer_address, notes,
                          priority, requested_at, is_late, delay_minutes, total_amount, idempotency_key, created_by, created_at, updated_at)
      SELECT ${orderId}::uuid, ${tenantId}::uuid, seq.order_seq, ${data.channel}::"OrderChannel", ${data.fulfillment}::"OrderFulfillment", 'NEW', ${data.customerName}, ${normalizePhone(data.customerPhone)},
             ${data.customerAddress}, ${data.notes}, ${data.priority}::int, ${data.requestedAt}::timestamptz, false, 0, ${totalAmount.toFixed(2)}::numeric,
             ${data.idempotencyKey}, ${actor.userId}::uuid, ${at}, ${at}
      FROM seq
      RETURNING id, order_number
    ), lines AS (
      INSERT INTO order_items (id, tenant_id, order_id, menu_item_id, workflow_version_id, quantity, unit_price, name_snapshot, modifications, modifiers, notes, status, is_late, created_at)
      SELECT l.id, ${tenantId}::uuid, o.id, l.menu_item_id, l.version_id, l.quantity, l.unit_price, l.name, l.modifications, l.modifiers, l.notes, 'PENDING', false, l.created_at
      FROM o, unnest(${items.map((l) => l.id)}::uuid[], ${items.map((l) => l.menuItem.id)}::uuid[], ${items.map((l) => l.version.id)}::uuid[],
                     ${items.map((l) => l.line.quantity)}::int[], ${items.map((l) => l.unitPrice.toString())}::numeric[],
                     ${items.map((l) => l.menuItem.name)}::text[], ${items.map((l) => l.line.modifications)}::text[],
                     ${items.map((l) => JSON.stringify(l.modifiers))}::jsonb[], ${items.map((l) => l.line.notes)}::text[],
                     -- Distinct times keep the items in the order they were taken (the kitchen plans in that order).
                     ${items.map((_, i) => new Date(now + i))}::timestamptz[])
        AS l(id, menu_item_id, version_id, quantity, unit_price, name, modifications, modifiers, notes, created_at)
    ), delivery AS (
      -- A delivery order (it has an address) waits for a rider from the start.
      INSERT INTO delivery_assignments (id, tenant_id, order_id, status, created_at)
      SELECT gen_random_uuid(), ${tenantId}::uuid, o.id, 'pending', ${at} FROM o WHERE ${data.fulfillment}::text = 'DELIVERY'
    ), logged AS (
      INSERT INTO audit_logs (id, tenant_id, user_id, action, entity_type, entity_id, details, ip_address, created_at)
      SELECT gen_random_uuid(), ${audit.tenantId}::uuid, ${audit.userId}::uuid, ${audit.action}, ${audit.entityType}, o.id,
             ${JSON.stringify(audit.details ?? {})}::jsonb || jsonb_build_object('orderNumber', o.order_number), ${audit.ipAddress}::inet, ${at}
      FROM o
    )
    SELECT order_number AS "orderNumber" FROM o`,
  );
  if (!row) throw new Error(`Tenant ${tenantId} not found while storing an order`);
  return {
    id: orderId,
    orderId,
    tenantId,
    orderNumber: row.orderNumber,
    priority: data.priority,
    requestedAt: data.requestedAt,
    items: items.map((l) => ({
      id: l.id,
      quantity: l.line.quantity,
      modifiers: l.modifiers,
      workflowVersion: { templateId: l.version.templateId, definition: l.version.definition },
    })),
  };
}
