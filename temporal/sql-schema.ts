import { execFile } from 'node:child_process';

export type PostgresTarget = { host: string; port: number; user: string; password: string };

export type SetupSchemaOptions = PostgresTarget & {
  sqlTool: string;
  /** The history store and the visibility store, each a database of its own. */
  databases: { temporal: string; visibility: string };
  log?: (message: string) => void;
};

/** The pgx driver; the server's config (sql-server-config.ts) names the same plugin. */
export const SQL_PLUGIN = 'postgres12_pgx';

/**
 * Creates both databases and brings their schema to the version the tool ships, exactly as the
 * official auto-setup image does: create-database, setup-schema -v 0.0 (the version table only),
 * update-schema over the versioned migrations. The tool embeds the schema files of its release
 * (the same as schema/postgresql/v12/ in the module), so no checkout is needed. Safe to rerun
 * (measured): create-database and setup-schema leave an existing database and its tables alone,
 * update-schema applies only the missing versions.
 */
export async function setupTemporalSchema(opts: SetupSchemaOptions): Promise<void> {
  const log = opts.log ?? (() => undefined);
  const stores = [
    { database: opts.databases.temporal, schema: 'postgresql/v12/temporal' },
    { database: opts.databases.visibility, schema: 'postgresql/v12/visibility' },
  ];
  for (const { database, schema } of stores) {
    const run = (...args: string[]) => runSqlTool(opts, database, args);
    await run('create-database');
    await run('setup-schema', '-v', '0.0');
    await run('update-schema', '--schema-name', schema);
    log(`[temporal] schema ${schema} ready in database ${database}`);
  }
}

function runSqlTool(opts: SetupSchemaOptions, database: string, args: string[]): Promise<string> {
  const globals = ['--plugin', SQL_PLUGIN, '--ep', opts.host, '--port', String(opts.port), '--user', opts.user, '--db', database];
  return new Promise((resolve, reject) => {
    // The password goes through the environment the tool reads, so it never shows in `ps`.
    const env = { ...process.env, SQL_PASSWORD: opts.password };
    execFile(opts.sqlTool, [...globals, ...args], { env, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err)
        reject(new Error(`temporal-sql-tool ${args[0]} on ${database} failed: ${(stderr || stdout || err.message).trim().split('\n').slice(-5).join(' | ')}`));
      else resolve(stdout);
    });
  });
}
