import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { ColumnTypeEnum, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

const CHAR_OID = 18; // the internal one-byte "char" type of pg_catalog columns (relkind, contype, ...)

/** Result rows array → indexes of its "char" columns, handed from the pg client to the adapter wrapper. */
const charColumns = new WeakMap<object, number[]>();

type PgResultLike = { fields?: { dataTypeID: number }[]; rows?: object };

function noteCharColumns<R>(result: R): R {
  for (const res of (Array.isArray(result) ? result : [result]) as (PgResultLike | undefined)[]) {
    const indexes = (res?.fields ?? []).flatMap((f, i) => (f.dataTypeID === CHAR_OID ? [i] : []));
    if (!indexes.length || !res?.rows) continue;
    charColumns.set(res.rows, indexes);
    for (const i of indexes) res.fields![i].dataTypeID = TEXT_OID; // so the adapter accepts the column
  }
  return result;
}
const TEXT_OID = 25;

/**
 * When the engine describes a schema (diffs from the migrations folder) it reads pg_catalog
 * columns of type "char"; @prisma/adapter-pg 7.10 has no mapping for that type and rejects the
 * query (the native engine uses its own driver and never meets this). The client below notes
 * those columns and lets them through as text; the adapter wrapper then reports them as the
 * Character type the engine expects. Only used for migrations, never by the app.
 */
class CatalogClient extends pg.Client {
  // pg.Client.query is overloaded; only `any` matches every overload it overrides.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: unknown[]): any {
    const call = super.query as (...a: unknown[]) => unknown;
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (err: Error | null, res: unknown) => last(err, err ? res : noteCharColumns(res));
      return call.apply(this, args);
    }
    const ret = call.apply(this, args);
    return ret instanceof Promise ? ret.then(noteCharColumns) : ret;
  }
}

type Queryable = Pick<SqlDriverAdapter, 'queryRaw'> & Partial<Pick<SqlDriverAdapter, 'startTransaction'>> & { underlyingDriver?: () => unknown };

function withCharColumns<T extends Queryable>(target: T): T {
  return new Proxy(target, {
    get(obj, prop) {
      if (prop === 'queryRaw') {
        return async (query: Parameters<T['queryRaw']>[0]) => {
          const result = await obj.queryRaw(query);
          for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
          return result;
        };
      }
      if (prop === 'executeScript' && obj.underlyingDriver) {
        // adapter-pg splits scripts on every ';' (breaking literals and function bodies) and runs
        // the pieces one by one. One simple-protocol query runs the whole migration in one
        // implicit transaction, as the native engine does, so a failing migration leaves no half.
        return async (script: string) => {
          await (obj.underlyingDriver!() as pg.Pool).query(script);
        };
      }
      if (prop === 'startTransaction' && obj.startTransaction) {
        return async (...a: Parameters<SqlDriverAdapter['startTransaction']>) => withCharColumns(await obj.startTransaction!(...a));
      }
      const value = Reflect.get(obj, prop);
      return typeof value === 'function' ? value.bind(obj) : value;
    },
  });
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
    return withCharColumns(adapter);
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
