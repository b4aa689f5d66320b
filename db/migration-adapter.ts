import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

const CHAR_OID = 18; // the internal one-byte "char" type of pg_catalog columns (relkind, contype, ...)
const TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] } | undefined;

function charAsText<R>(result: R): R {
  for (const res of (Array.isArray(result) ? result : [result]) as QueryResultLike[]) {
    for (const field of res?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

/**
 * When the engine describes a schema (diffs from the migrations folder) it reads pg_catalog
 * columns of type "char", which @prisma/adapter-pg 7.10 rejects as UnsupportedNativeDataType
 * (the native engine has its own driver and never meets this). Their text values are already
 * strings, so we relabel the column type as text. Only used for migrations, never by the app.
 */
class CatalogClient extends pg.Client {
  query(...args: unknown[]): any {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (err: Error | null, res: unknown) => last(err, err ? res : charAsText(res));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const ret = (super.query as (...a: unknown[]) => unknown)(...args);
    return ret instanceof Promise ? ret.then(charAsText) : ret;
  }
}

function adapterFactory(connectionString: string): PrismaPg {
  const pool = new pg.Pool({ connectionString, Client: CatalogClient as typeof pg.Client });
  return new PrismaPg(pool, { disposeExternalPool: true });
}

/**
 * The engine's adapter factory, with our own shadow database: PrismaPg's would connect to the main
 * database (pg ignores an overridden `database` when a connection string is set), has no pool
 * error listener, and drops the database before closing its connections, which fails.
 * dispose() closes everything the engine opened and force-drops the shadow databases.
 */
export function migrationAdapters(databaseUrl: string) {
  const main = adapterFactory(databaseUrl);
  const opened: SqlDriverAdapter[] = [];
  const shadowDatabases: string[] = [];
  const track = (adapter: SqlDriverAdapter) => {
    opened.push(adapter);
    return adapter;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => track(await main.connect()),
    connectToShadowDb: async () => {
      const database = `prisma_shadow_${randomUUID().replace(/-/g, '')}`;
      await adminQuery(databaseUrl, `CREATE DATABASE "${database}"`);
      shadowDatabases.push(database);
      const url = new URL(databaseUrl);
      url.pathname = `/${database}`;
      return track(await adapterFactory(url.toString()).connect());
    },
  };
  async function dispose(): Promise<void> {
    // The engine may already have disposed some; ending a pool twice only throws, harmlessly.
    for (const adapter of opened) await adapter.dispose().catch(() => undefined);
    for (const database of shadowDatabases) {
      await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    }
  }
  return { factory, dispose };
}

async function adminQuery(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
