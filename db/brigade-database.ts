import { Client } from 'pg';
import { readMigrations } from './migrate';

/**
 * Refuses a DATABASE_URL that points at someone else's database (the Temporal server's, another
 * app's) before migrations would write Brigade's tables into it. Brigade's own database has our
 * migration history; a database without tables is a fresh install and is accepted.
 */
export async function assertBrigadeDatabase(databaseUrl: string, migrationsDir?: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg_toast%'
        ORDER BY 1`,
    );
    if (tables.length === 0) return;
    const where = `DATABASE_URL points at a database that is not Brigade's (${redactUrl(databaseUrl)})`;
    const hint = "point DATABASE_URL at Brigade's database or at an empty one";
    if (!tables.some((t) => t.name === 'public._prisma_migrations')) {
      const shown = tables.slice(0, 3).map((t) => t.name);
      throw new Error(`${where}: it has ${tables.length} tables (${shown.join(', ')}${tables.length > 3 ? ', …' : ''}) and no migration history; ${hint}`);
    }
    const ours = new Set(readMigrations(migrationsDir).migrationDirectories.map((d) => d.path));
    const { rows: applied } = await client.query<{ migration_name: string }>('SELECT migration_name FROM public._prisma_migrations');
    if (applied.length > 0 && !applied.some((m) => ours.has(m.migration_name))) {
      throw new Error(`${where}: none of its ${applied.length} applied migrations is one of Brigade's; ${hint}`);
    }
  } finally {
    await client.end();
  }
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]+@/, '//$1:***@');
}
