import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { ITEM_WORKFLOW_CHANNEL } from '../kitchen/item-workflow-channel';
import { requireTestEnv } from '../../test/support/db';
import { watchItemWorkflows, type ItemWorkflowWatch } from './item-workflow-watch';
import { setTimeout as sleep } from 'node:timers/promises';

// A real PostgreSQL LISTEN/NOTIFY: what the item workflow's first activity sends, the API hears.
let pool: Pool;
let watch: ItemWorkflowWatch;

beforeAll(async () => {
  pool = new Pool({ connectionString: requireTestEnv('DATABASE_URL'), max: 2 });
  watch = watchItemWorkflows(pool);
  // Listening is set up in the background: wait until an announcement is heard.
  const probe = randomUUID();
  for (let i = 0; i < 100; i++) {
    await announce(probe);
    const t0 = Date.now();
    if ((await watch.wait(probe, 50)) && Date.now() - t0 < 40) return;
  }
  throw new Error('the watch never started listening');
});
afterAll(async () => {
  await watch?.close();
  await pool?.end();
});

const announce = (id: string) => pool.query('SELECT pg_notify($1, $2)', [ITEM_WORKFLOW_CHANNEL, id]);
const timed = async (run: () => Promise<void>) => {
  const t0 = Date.now();
  await run();
  return Date.now() - t0;
};

describe('item workflow watch', () => {
  it('wakes a waiter when its item announces itself, well before its time is up', async () => {
    const item = randomUUID();
    let heard: boolean | undefined;
    const waited = timed(async () => void (heard = await watch.wait(item, 5_000)));
    await sleep(50);
    await announce(item);
    expect(await waited).toBeLessThan(2_000);
    expect(heard).toBe(true);
  });

  it('answers at once for an item that announced itself before the wait', async () => {
    const item = randomUUID();
    await announce(item);
    await sleep(100);
    expect(await timed(async () => expect(await watch.wait(item, 5_000)).toBe(true))).toBeLessThan(1_000);
  });

  it('lets a wait run out when nothing is heard, and another item does not wake it', async () => {
    const item = randomUUID();
    const waited = timed(async () => expect(await watch.wait(item, 300)).toBe(false));
    await announce(randomUUID());
    expect(await waited).toBeGreaterThanOrEqual(290);
  });
});
