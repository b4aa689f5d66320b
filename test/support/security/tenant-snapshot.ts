import type { Db } from '../../../db/client';

/**
 * Test-only: every row of one tenant, table by table, as JSON text. The tables are read from the
 * database catalogue (each with a `tenant_id` column), so a table added later is covered without
 * a change here; `changed_xid` is kept on purpose: it moves on any write, even one that changes
 * no value.
 */
export type TenantSnapshot = Record<string, string[]>;

export async function snapshotTenant(prisma: Db, tenantId: string): Promise<TenantSnapshot> {
  const tables = await prisma.$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'tenant_id'
    ORDER BY table_name`;
  const snapshot: TenantSnapshot = {
    tenants: await rowsOf(prisma, `SELECT row_to_json(t)::text AS row FROM tenants t WHERE id = $1::uuid`, tenantId),
  };
  for (const { table_name: table } of tables) {
    snapshot[table] = await rowsOf(prisma, `SELECT row_to_json(t)::text AS row FROM "${table}" t WHERE tenant_id = $1::uuid ORDER BY 1`, tenantId);
  }
  return snapshot;
}

async function rowsOf(prisma: Db, sql: string, tenantId: string): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<Array<{ row: string }>>(sql, tenantId);
  return rows.map((r) => r.row).sort();
}

/** Every `id` of every row in the snapshot (the tenant's own id included). */
export function idsIn(snapshot: TenantSnapshot): string[] {
  return Object.values(snapshot).flatMap((rows) => rows.map((row) => (JSON.parse(row) as { id?: string }).id).filter((id): id is string => !!id));
}
