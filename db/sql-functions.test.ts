import pg from 'pg';
import { requireTestEnv } from '../test/support/db';
import { compareSource, databaseObjects, firstDifference, readSqlSources, type SourceComparison } from './sql-functions';

// The test database of test/global-setup.ts, built by prisma/migrations: db/sql/*.sql must define
// exactly the functions and triggers the migrations left there (see db/sql/README.md).
const sources = readSqlSources();
let client: pg.Client;
const compared = new Map<string, SourceComparison>();

beforeAll(async () => {
  client = new pg.Client({ connectionString: requireTestEnv('DATABASE_URL') });
  await client.connect();
  for (const source of sources) compared.set(source.name, await compareSource(client, source));
});
afterAll(() => client?.end());

describe('db/sql: functions and triggers as source files', () => {
  it('has the files', () => {
    expect(sources.map((s) => s.name)).toEqual(expect.arrayContaining(['kds_queue_task', 'brigade_stamp_changed_xid']));
  });

  it.each(sources.map((s) => [s.name]))('db/sql/%s.sql is what the migrations define', (name) => {
    const { error, defines, differences } = compared.get(name)!;
    expect(error).toBeNull();
    expect(defines.length).toBeGreaterThan(0);
    const drift = differences.map((d) => `${d.key} ${firstDifference(d.database, d.file)}`);
    if (drift.length) {
      throw new Error(
        `db/sql/${name}.sql differs from the migrated database; write a migration (npm run db:migration) or fix the file:\n  ${drift.join('\n  ')}`,
      );
    }
  });

  it('has a file for every function and trigger of the migrated database', async () => {
    const defined = new Set([...compared.values()].flatMap((c) => c.defines));
    const missing = (await databaseObjects(client)).filter((key) => !defined.has(key));
    expect(missing).toEqual([]);
  });

  it('notices a changed function body (the comparison is not vacuous)', async () => {
    const source = sources.find((s) => s.name === 'kds_start_task')!;
    const edited = {
      ...source,
      sql: source.sql.replace("t.status = 'QUEUED' AND t.station_id", "t.status = 'QUEUED'  AND  t.station_id = t.station_id AND t.station_id"),
    };
    const whitespaceOnly = { ...source, sql: source.sql.replace('RETURN QUERY', 'RETURN   QUERY') };
    expect(edited.sql).not.toBe(source.sql);
    const result = await compareSource(client, edited);
    expect(result.differences.map((d) => d.key)).toEqual(['function kds_start_task(uuid,uuid,uuid,timestamp with time zone)']);
    expect(firstDifference(result.differences[0].database, result.differences[0].file)).toMatch(/database: .*file: .*station_id = t\.station_id/s);
    expect((await compareSource(client, whitespaceOnly)).differences).toEqual([]);
    // Rolled back: the database still has the migrations' definition.
    expect((await compareSource(client, source)).differences).toEqual([]);
  });
});
