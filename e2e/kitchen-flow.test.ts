import type { Locator, Page } from 'playwright-core';
import { loginToken, placeOrder } from './support/api';
import { screenshot, signIn } from './support/browser';
import { e2eSuite } from './support/suite';

/**
 * The kitchen end to end in real Chromium against the real stack (API + web app + worker +
 * Temporal + PostgreSQL): an operator takes a phone order with a live quote, a cook works it on
 * the KDS through every task at the right stations, and the console shows it READY live. Then a
 * manager reads the dashboard charts and sees a low-stock alert arrive live.
 */
jest.setTimeout(120_000);

const suite = e2eSuite({ worker: true });

async function openAs(name: string, email: string, landing: string): Promise<Page> {
  const p = await suite.page(name);
  p.page.setDefaultTimeout(15_000);
  await signIn(p.page, suite.stack.url, { tenant: suite.stack.tenant.slug, email, password: suite.stack.password }, landing);
  return p.page;
}

const ticket = (kds: Page, task: string) => kds.locator('article.ticket', { hasText: task });
const inProgress = (t: Locator) => t.and(t.page().locator('[data-status="IN_PROGRESS"]'));

it('an operator places an order with a live quote, a cook works it through every station, and the console shows it READY live', async () => {
  // Other orders already in the kitchen: the KDS and console are never this empty at dinner time.
  const apiToken = await loginToken(suite.stack.url, suite.stack.tenant.slug, 'operator@demo.local', suite.stack.password);
  await placeOrder(suite.stack.url, apiToken, {
    customerName: 'Marco Verdi',
    customerPhone: '02 555 0199',
    items: [{ name: 'Pizza Margherita', quantity: 2, modifications: 'no basil, well done' }],
  });
  await placeOrder(suite.stack.url, apiToken, {
    customerName: 'Giulia Neri',
    items: [{ name: 'Chicken Pad Thai', quantity: 1, modifications: 'extra chili' }],
  });

  const login = await suite.page('login');
  await login.page.goto(`${suite.stack.url}/`);
  await login.page.getByLabel('Restaurant').fill(suite.stack.tenant.slug);
  await login.page.getByLabel('Email').fill('operator@demo.local');
  await screenshot(login.page, 'login');
  await login.context.close();

  const op = await openAs('operator', 'operator@demo.local', '/console');
  const cook = await openAs('cook', 'cook@demo.local', '/kds');

  // The cook's tablet: pick the station once; the pad thai prep is already waiting there.
  await cook.getByRole('button', { name: /Prep & Cold/ }).click();
  await ticket(cook, 'Soak rice noodles').waitFor();
  // Sound on for this screen: the tap unlocks Chromium's Web Audio and plays the chime once (two
  // notes), counted on the real AudioContext; no "blocked" note.
  await cook.evaluate(() => {
    const w = window as unknown as { e2eNotes: number };
    const create = AudioContext.prototype.createOscillator;
    w.e2eNotes = 0;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      w.e2eNotes += 1;
      return create.call(this);
    };
  });
  const notes = () => cook.evaluate(() => (window as unknown as { e2eNotes: number }).e2eNotes);
  await cook.locator('button.kds__toggle[aria-pressed="false"]', { hasText: 'Sound' }).click();
  await cook.locator('button.kds__toggle[aria-pressed="true"]', { hasText: 'Sound' }).waitFor();
  await cook.waitForFunction(() => (window as unknown as { e2eNotes: number }).e2eNotes === 2);
  expect(await cook.locator('.kds__sound-note').count()).toBe(0);
  // Large type scales the tickets' text and buttons for a screen seen from afar.
  const noodles = ticket(cook, 'Soak rice noodles');
  const px = (l: Locator) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const [item, start] = [await px(noodles.locator('.ticket__item')), await px(noodles.getByRole('button', { name: 'Start' }))];
  await cook.getByRole('button', { name: /Large type/ }).click();
  expect(await px(noodles.locator('.ticket__item'))).toBeGreaterThan(item * 1.4);
  expect(await px(noodles.getByRole('button', { name: 'Start' }))).toBeGreaterThan(start * 1.4);
  await cook.getByRole('button', { name: /Large type/ }).click();

  // The operator takes the call: search, Enter adds the dish, the quote follows as items change.
  await op.getByRole('searchbox', { name: 'Menu' }).fill('tiram');
  await op.getByRole('searchbox', { name: 'Menu' }).press('Enter');
  await op.getByTestId('quote-minutes').waitFor();
  const quoteOne = await op.getByTestId('quote-minutes').textContent();
  expect(quoteOne).toMatch(/^\d+ min$/);
  await op.getByRole('button', { name: 'One more Tiramisù' }).click();
  await op.locator('.cart__line input[type="number"][value="2"]').waitFor();
  await op.getByLabel('Modifications for Tiramisù').fill('extra cocoa');
  await op.getByLabel('Customer name').fill('Anna Bianchi');
  await op.getByLabel('Phone', { exact: true }).fill('+39 347 555 0101');
  await op.locator('.quote:not(.quote--updating)').waitFor();
  await screenshot(op, 'console');
  await op.evaluate(() => ((window as unknown as { e2eNoReload: boolean }).e2eNoReload = true));
  await op.getByRole('button', { name: 'Place order' }).click();
  const placed = await op.locator('.console__placed').textContent();
  const orderNumber = Number(/#(\d+)/.exec(placed ?? '')?.[1]);
  expect(orderNumber).toBeGreaterThan(0);
  const row = op.locator(`.console-order[data-order-number="${orderNumber}"]`);
  await row.waitFor();

  // The ticket appears on the KDS by itself, with the modification; Done before the steps is refused.
  const portion = ticket(cook, 'Portion tiramisù');
  await portion.waitFor();
  expect(await portion.locator('.ticket__mods').textContent()).toBe('extra cocoa');
  expect(await portion.locator('.ticket__item').textContent()).toBe('Tiramisù × 2');
  await cook.waitForFunction(() => (window as unknown as { e2eNotes: number }).e2eNotes >= 4); // the new ticket chimed
  // A wrong Start is taken back with Undo: waiting again; then started for real. Neither chimes.
  const chimed = await notes();
  await portion.getByRole('button', { name: 'Start' }).click();
  await inProgress(portion).waitFor();
  await portion.getByRole('button', { name: /^Undo/ }).click();
  await portion.and(cook.locator('[data-status="QUEUED"]')).waitFor();
  await portion.getByRole('button', { name: 'Start' }).click();
  await inProgress(portion).waitFor();
  expect(await notes()).toBe(chimed);
  await portion.getByRole('button', { name: /^Done/ }).click();
  expect(await portion.getByRole('alert').textContent()).toMatch(/subtask/i);
  await portion.getByRole('button', { name: 'Cut a portion' }).click();
  await portion.locator('button[aria-pressed="true"]', { hasText: 'Cut a portion' }).waitFor();
  await portion.getByRole('button', { name: 'Place in a cup' }).click();
  await portion.locator('button[aria-pressed="true"]', { hasText: 'Place in a cup' }).waitFor();
  await screenshot(cook, 'kds');
  await portion.getByRole('button', { name: /^Done/ }).click();
  await portion.waitFor({ state: 'detached' });

  // The next task arrives at the same station; a bump can be recalled and bumped again.
  const dust = ticket(cook, 'Dust with cocoa');
  await dust.getByRole('button', { name: 'Start' }).click();
  await inProgress(dust).waitFor();
  await dust.getByRole('button', { name: 'Done' }).click();
  await dust.waitFor({ state: 'detached' });
  await cook.getByRole('button', { name: `↶ Recall #${orderNumber} Dust with cocoa` }).click();
  await inProgress(dust).waitFor();
  await dust.getByRole('button', { name: 'Done' }).click();
  await dust.waitFor({ state: 'detached' });

  // Expo shows the whole order across stations: two steps done, packing next at the pass.
  await cook.getByRole('button', { name: 'Expo' }).click();
  const expo = cook.getByRole('region', { name: `Order ${orderNumber}` });
  await expo.locator('.expo-task--queued', { hasText: 'Pass & Packaging' }).waitFor();
  expect(await expo.locator('.expo-task--done').count()).toBe(2);
  await screenshot(cook, 'kds-expo');
  // Print on this order: as printed, only its ticket shows (order number, items, notes, times), without navigation or buttons.
  await cook.evaluate(() => (window.print = () => undefined)); // headless Chromium has no print dialog to close
  await expo.getByRole('button', { name: 'Print' }).click();
  await cook.emulateMedia({ media: 'print' });
  expect(await expo.isVisible()).toBe(true);
  expect(await expo.locator('.print-only').textContent()).toMatch(/^Placed .+ · printed .+$/);
  expect(await expo.locator('.expo-item').first().textContent()).toContain('2 × Tiramisù');
  expect(await cook.locator('.expo-order:visible').count()).toBe(1);
  expect(await cook.locator('button:visible').allTextContents()).toEqual([`#${orderNumber}`]);
  await cook.emulateMedia({ media: 'screen' });
  await cook.evaluate(() => window.dispatchEvent(new Event('afterprint')));

  // The last task is at another station.
  await cook.getByRole('button', { name: 'Change station' }).click();
  await cook.getByRole('button', { name: /Pass & Packaging/ }).click();
  const pack = ticket(cook, 'Lid & pack');
  await pack.getByRole('button', { name: 'Start' }).click();
  await inProgress(pack).waitFor();
  await pack.getByRole('button', { name: 'Done' }).click();
  await pack.waitFor({ state: 'detached' });

  // The console shows READY by itself: no reload happened on the operator's page.
  await op.locator(`.console-order[data-order-number="${orderNumber}"][data-status="READY"]`).waitFor();
  expect(await op.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);
  expect(await row.getByTestId('order-status').textContent()).toBe('ready');
});

it('a manager sees today’s figures and charts, and a low-stock alert arrives live on the inventory page', async () => {
  const manager = await openAs('manager', 'manager@demo.local', '/admin');
  await manager.getByTestId('orders-today').waitFor();
  expect(Number(await manager.getByTestId('orders-today').textContent())).toBeGreaterThanOrEqual(3);
  // Three charts drawn: top items, station load (with its bottleneck named), ETA accuracy (the READY order).
  await manager.locator('.recharts-surface').nth(2).waitFor();
  await manager.getByTestId('bottleneck').filter({ hasText: 'Bottleneck:' }).waitFor();
  await manager
    .getByTestId('eta-summary')
    .filter({ hasText: /^1 order ·/ })
    .waitFor();
  await screenshot(manager, 'admin-dashboard', { fullPage: true });

  await manager.getByRole('link', { name: 'Admin', exact: true }).click();
  await manager.getByRole('link', { name: 'Inventory', exact: true }).click();
  await manager
    .getByRole('row', { name: /Fresh basil/ })
    .first()
    .waitFor();
  await manager.getByRole('region', { name: 'Reorder suggestions' }).getByText('Fresh basil').waitFor();

  // Throwing most of the mozzarella away takes it below its minimum: the alert arrives over the socket.
  const adjust = manager.getByRole('form', { name: 'Adjust stock' });
  await adjust.getByLabel('Item').selectOption({ label: 'Mozzarella fior di latte' });
  await adjust.getByLabel('What happened').selectOption('waste');
  await adjust.getByLabel(/Quantity/).fill('10');
  await adjust.getByLabel('Note').fill('fridge failure');
  await adjust.getByRole('button', { name: 'Record' }).click();
  await manager.getByRole('alert', { name: 'Low stock alerts' }).filter({ hasText: 'Mozzarella fior di latte' }).waitFor();
  await manager.getByRole('region', { name: 'Movements' }).getByRole('cell', { name: 'fridge failure' }).waitFor();
  // Only what is low, so the screenshot fits the stock table, suggestions, form and ledger.
  await manager.getByLabel('Only items below minimum').check();
  await manager
    .getByRole('row', { name: /Mozzarella fior di latte/ })
    .first()
    .waitFor();
  await manager.evaluate(() => window.scrollTo(0, 0));
  await screenshot(manager, 'inventory', { fullPage: true });
});
