import type { Page } from 'playwright-core';
import { connectDemoSandbox, DEMO_PLATFORM_NAME } from '../sandbox-platform/connect-demo';
import type { LedgerEntry } from '../sandbox-platform/state';
import { launchBrowser, screenshot, signIn, type E2eBrowser, type E2ePage } from './support/browser';
import { startE2eStack, type E2eStack } from './support/stack';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The platform admin pages in real Chromium against the real stack, with the sandbox marketplace
 * (real HTTP) connected the way `npm start -- --with-sandbox-platform` connects the demo tenant:
 * an admin watches the first menu sync land, takes a dish off and puts it back, re-syncs with live
 * progress until every dish is SYNCED, sets the store busy, and resolves orders held for review.
 */
jest.setTimeout(150_000);

let stack: E2eStack;
let browser: E2eBrowser;
let sandbox: { url: string; stop(): Promise<void> };
let admin: E2ePage;
let page: Page;
let platformId: string;
const DISHES = 11; // every dish of the demo kitchen has a recipe, so connect-demo assigns them all

beforeAll(async () => {
  [stack, browser] = await Promise.all([startE2eStack({ worker: true }), launchBrowser()]);
  // Its own random orders would land in the review assertions' way: one an hour is never.
  sandbox = await connectDemoSandbox({
    prisma: stack.prisma,
    kitchen: stack.kitchen,
    apiUrl: stack.url,
    tenantSlug: stack.tenant.slug,
    everyMs: 3_600_000,
    log: () => undefined,
  });
  platformId = (await stack.prisma.platform.findFirstOrThrow({ where: { tenantId: stack.tenant.id, name: DEMO_PLATFORM_NAME } })).id;
  admin = await browser.page('admin');
  page = admin.page;
  page.setDefaultTimeout(20_000);
  await signIn(page, stack.url, { tenant: stack.tenant.slug, email: 'admin@demo.local', password: stack.password }, '/admin');
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
  await stack?.stop();
});
afterEach(() => {
  // Any console error or uncaught exception fails the test that caused it.
  expect(admin.errors.splice(0)).toEqual([]);
});

async function ledger(): Promise<LedgerEntry[]> {
  const res = await fetch(`${sandbox.url}/_control/ledger`);
  return ((await res.json()) as { ledger: LedgerEntry[] }).ledger;
}
const applied = (entries: LedgerEntry[], method: string, path: RegExp) =>
  entries.filter((e) => e.method === method && path.test(e.path) && e.status < 300 && !e.replayed);

/** For what the workflows reach on their own, outside the page. */
async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(200);
  }
}

const row = (name: string) => page.getByRole('region', { name: /^Dishes on/ }).getByRole('row', { name: new RegExp(name) });

async function openPlatforms(): Promise<void> {
  await page.getByRole('link', { name: 'Admin', exact: true }).click();
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Platforms' }).click();
  await page.getByRole('heading', { name: 'Platforms', level: 1 }).waitFor();
}

it('shows the connected platform, re-syncs a changed menu with live progress until every dish is SYNCED, sets the store busy, and gives a dish its own name, price and hours', async () => {
  await openPlatforms();
  const listed = page.locator(`tr[data-platform-id="${platformId}"]`);
  // The first sync (started by the connection) lands while the page is open or before: either way the counts say so.
  await listed
    .getByTestId('sync-counts')
    .filter({ hasText: new RegExp(`^${DISHES} synced$`) })
    .waitFor();
  await listed.getByRole('link', { name: DEMO_PLATFORM_NAME }).click();
  await page.waitForURL(`**/#/admin/platforms/${platformId}`);

  // Tiramisù off the platform, then back on: it is PENDING until the next sync.
  await row('Tiramisù').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Unassign selected' }).click();
  await page.getByRole('alertdialog', { name: 'Confirm unassign' }).getByRole('button', { name: 'Unassign 1' }).click();
  await row('Tiramisù').waitFor({ state: 'detached' });
  await page.locator('summary', { hasText: 'Assign dishes' }).click();
  const assign = page.getByRole('form', { name: 'Assign dishes' });
  await assign.getByLabel(/Tiramisù/).check();
  await assign.getByRole('button', { name: 'Assign 1 dish' }).click();
  await page.locator('tr[data-sync-status="PENDING"]', { hasText: 'Tiramisù' }).waitFor();

  const uploadsBefore = applied(await ledger(), 'PUT', /^\/v1\/menu$/).length;
  await page.getByRole('button', { name: 'Re-sync all' }).click();
  const progress = page.getByRole('region', { name: 'Sync progress' });
  await progress.waitFor();
  await progress.and(page.locator('[data-phase="done"][data-status="SYNCED"]')).waitFor();
  expect(await page.getByTestId('sync-progress-text').textContent()).toBe(`${DISHES} of ${DISHES} dishes synced`);
  expect(await progress.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
  // The run's end refetched the table: no reload, and nothing is left pending or failed.
  await page.locator('tr[data-sync-status="SYNCED"]', { hasText: 'Tiramisù' }).waitFor();
  expect(await page.locator('tr[data-sync-status]:not([data-sync-status="SYNCED"])').count()).toBe(0);
  expect(await page.locator('tr[data-sync-status="SYNCED"]').count()).toBe(DISHES);
  expect(applied(await ledger(), 'PUT', /^\/v1\/menu$/).length).toBe(uploadsBefore + 1);

  // The history shows the upload; refreshing reads it again.
  const history = page.getByRole('region', { name: 'Sync history' });
  await history.getByRole('button', { name: 'Refresh' }).click();
  expect(await history.getByRole('row', { name: /menu full/ }).count()).toBeGreaterThanOrEqual(2);

  // Busy with 20 extra minutes: stored, shown, and pushed to the platform.
  const store = page.getByRole('group', { name: `${DEMO_PLATFORM_NAME} store status` });
  await store.getByLabel('Extra minutes when busy').fill('20');
  await store.getByRole('button', { name: 'Busy +20 min' }).click();
  await store.getByTestId('store-status').filter({ hasText: 'Busy +20 min' }).waitFor();
  const pushed = await until(
    async () => applied(await ledger(), 'PUT', /^\/v1\/store\/status$/).find((e) => (e.body as { status?: string }).status === 'busy'),
    'the busy status on the platform',
  );
  expect(pushed.body).toEqual({ status: 'busy', extraMinutes: 20 });

  // Margherita gets its own name and price on the platform, and is sold weekday lunchtimes only.
  await row('Pizza Margherita').getByRole('button', { name: 'Edit Pizza Margherita' }).click();
  const editor = page.getByRole('form', { name: 'Edit Pizza Margherita' });
  await editor.getByLabel('Name on the platform').fill('Margherita (delivery)');
  await editor.getByLabel('Price on the platform').fill('11.50');
  await editor.getByLabel('Only at certain times').check();
  await editor.getByLabel('From').fill('11:30');
  await editor.getByLabel('To', { exact: true }).fill('15:00');
  for (const day of ['Sat', 'Sun']) await editor.getByLabel(day, { exact: true }).uncheck();
  await editor.getByRole('button', { name: 'Save' }).click();
  await editor.waitFor({ state: 'detached' });
  await row('Pizza Margherita').filter({ hasText: 'Mon–Fri 11:30–15:00' }).waitFor();
  const stored = await stack.prisma.productPlatformAssignment.findFirstOrThrow({ where: { platformId, menuItem: { name: 'Pizza Margherita' } } });
  expect(stored).toMatchObject({ platformName: 'Margherita (delivery)', availableFrom: '11:30', availableTo: '15:00', availableDays: [1, 2, 3, 4, 5] });
  const renamed = await until(
    async () => applied(await ledger(), 'PUT', /^\/v1\/items\//).find((e) => (e.body as { name?: string }).name === 'Margherita (delivery)'),
    'the new name on the platform',
  );
  expect(renamed.body).toMatchObject({ price: 11.5 });
  // The page looks again while a row is pending: it turns SYNCED without a reload.
  await page.locator('tr[data-sync-status="SYNCED"]', { hasText: 'Pizza Margherita' }).waitFor();

  await page.locator('summary', { hasText: 'Assign dishes' }).click(); // folded away again for the screenshot
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'platforms', { fullPage: true });
});

async function sandboxOrder(id: string): Promise<{ status: string; denyReason?: string | null } | undefined> {
  const res = await fetch(`${sandbox.url}/_control/orders`);
  return ((await res.json()) as { orders: Array<{ id: string; status: string; denyReason?: string | null }> }).orders.find((o) => o.id === id);
}

async function injectOrder(id: string, items: Array<{ productId: string; name: string; quantity: number }>): Promise<void> {
  const res = await fetch(`${sandbox.url}/_control/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id, items }),
  });
  expect(res.status).toBe(201);
}

it('holds orders with dishes we do not know for review; the admin maps one to a dish and it is accepted, and denies the other with a reason', async () => {
  const margherita = await stack.prisma.productPlatformAssignment.findFirstOrThrow({ where: { platformId, menuItem: { name: 'Pizza Margherita' } } });
  await injectOrder('SB-REVIEW-A', [
    { productId: margherita.platformProductId!, name: 'Pizza Margherita', quantity: 1 },
    { productId: 'glovo-calzone-grande', name: 'Calzone grande', quantity: 2 },
  ]);
  await injectOrder('SB-REVIEW-B', [{ productId: 'glovo-cola-33', name: 'Cola 33cl', quantity: 2 }]);
  // Held, not dropped: both wait for a person (the webhook and the order workflow run on their own).
  await until(
    async () => ((await stack.prisma.platformOrder.count({ where: { platformId, status: 'needs_review' } })) === 2 ? true : undefined),
    'two orders held for review',
  );

  await openPlatforms();
  await page.locator(`tr[data-platform-id="${platformId}"]`).getByRole('link', { name: '2 orders need review' }).click();
  await page.waitForURL('**/#/admin/platforms/review');

  const a = page.getByRole('article', { name: 'Order SB-REVIEW-A' });
  // Only the unknown line needs a choice; the margherita mapped by itself.
  await a.getByRole('combobox', { name: 'Our dish for Calzone grande' }).waitFor();
  expect(await a.getByRole('combobox').count()).toBe(1);
  await a.getByRole('button', { name: 'Accept with these dishes' }).click();
  await a.getByText('Choose the dish "Calzone grande" is').waitFor();
  await a.getByRole('combobox', { name: 'Our dish for Calzone grande' }).selectOption({ label: 'Calzone' });
  // The platform renamed its calzone: mapping re-links our dish to the new item id, and the card says so first.
  await a.getByText(/^Calzone is linked to platform item brigade-.*; accepting links it to glovo-calzone-grande instead\.$/).waitFor();
  await a.getByRole('button', { name: 'Accept with these dishes' }).click();
  await page.getByText('Order SB-REVIEW-A accepted: it is on its way to the kitchen.').waitFor();
  await a.waitFor({ state: 'detached' });
  expect(await until(async () => (await sandboxOrder('SB-REVIEW-A'))?.status === 'accepted' || undefined, 'SB-REVIEW-A accepted on the platform')).toBe(true);
  const held = await stack.prisma.platformOrder.findFirstOrThrow({ where: { platformId, platformOrderId: 'SB-REVIEW-A' } });
  expect(held.orderId).not.toBeNull();
  const items = await stack.prisma.orderItem.findMany({ where: { orderId: held.orderId! }, include: { menuItem: { select: { name: true } } } });
  expect(items.map((i) => `${i.quantity} ${i.menuItem.name}`).sort()).toEqual(['1 Pizza Margherita', '2 Calzone']);
  // The next order with the new item id maps by itself.
  expect((await stack.prisma.productPlatformAssignment.findFirstOrThrow({ where: { platformId, menuItem: { name: 'Calzone' } } })).platformProductId).toBe(
    'glovo-calzone-grande',
  );

  const b = page.getByRole('article', { name: 'Order SB-REVIEW-B' });
  await b.getByRole('button', { name: 'Deny…' }).click();
  // Opening the reason field submits nothing (the browser would, were the clicked button reused as "Deny order").
  const reason = b.getByLabel('Reason for the customer');
  await reason.waitFor();
  expect(await reason.getAttribute('aria-invalid')).toBeNull();
  expect(await b.locator('.field__error').count()).toBe(0);
  await reason.fill('We do not sell drinks');
  await screenshot(page, 'platforms-review');
  await b.getByRole('button', { name: 'Deny order' }).click();
  await page.getByText('Order SB-REVIEW-B denied.').waitFor();
  await page.getByText('No platform orders need review').waitFor();
  const denied = await until(async () => {
    const o = await sandboxOrder('SB-REVIEW-B');
    return o?.status === 'denied' ? o : undefined;
  }, 'SB-REVIEW-B denied on the platform');
  expect(denied.denyReason).toBe('We do not sell drinks');
});
