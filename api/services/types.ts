import type { TenantDb } from '../../db/tenant-scope';
import type { Actor } from '../context';

/** The client inside `db.$transaction(async (tx) => …)`: still tenant-scoped (same extension). */
export type TenantTx = Parameters<Parameters<TenantDb['$transaction']>[0]>[0];

/** Every tenant service takes one options object: the scoped client, the caller and the input. */
export interface ServiceOptions<Input> {
  db: TenantDb;
  actor: Actor;
  input: Input;
}
