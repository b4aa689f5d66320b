import type { Page } from 'playwright-core';
import { orderWorkflowId } from '../workflows/order-workflow';
import { gql, loginToken } from './support/api';
import { signIn } from './support/browser';
import { cookToReady } from './support/cook';
import { e2eSuite } from './support/suite';

/**
 * A takeaway order handed over at the expo, in real Chromium against the real stack: a manager
 * sets the kitchen's hold time, an operator takes the order (the form refuses a delivery without
 * an address), the kitchen cooks it to READY, and one tap at the expo hands it over. It leaves the
 * expo and the console's open orders live, and its order workflow has completed.
 */
jest.setTimeout(150_000);

const suite = e2eSuite({ worker: true });

async function openAs(name: string, email: string, landing: string): Promise<Page> {
  const p = await suite.page(name);
  p.page.setDefaultTimeout(20_000);
  await signIn(p.page, suite.stack.url, { tenant: suite.stack.tenant.slug, email, password: suite.stack.password }, landing);
  return p.page;
}

it('a takeaway order is handed over at the expo with one tap, leaves the expo and the console, and its workflow completes', async () => {
  // The manager sets how long a ready order may wait at the pass.
  const manager = await openAs('manager', 'manager@demo.local', '/admin');
  await manager.goto(`${suite.stack.url}/#/admin/stations`);
  const settings = manager.getByRole('form', { name: 'Kitchen settings' });
  await settings.getByLabel(/Ready-order hold time/).fill('7');
  await settings.getByRole('button', { name: 'Save' }).click();
  await settings.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

  const op = await openAs('operator', 'operator@demo.local', '/console');
  const cook = await openAs('cook', 'cook@demo.local', '/kds');
  await cook.getByRole('button', { name: 'Expo' }).click();

  // A delivery needs an address: the server's field error shows under the address, nothing is placed.
  await op.getByRole('searchbox', { name: 'Menu' }).fill('fries');
  await op.getByRole('searchbox', { name: 'Menu' }).press('Enter');
  await op.getByLabel('Customer name').fill('Luca Rossi');
  await op.getByRole('radio', { name: 'Delivery' }).check();
  await op.getByRole('button', { name: 'Place order' }).click();
  await op.locator('.field__error', { hasText: 'a delivery needs an address' }).waitFor();
  expect(await op.getByLabel('Delivery address').getAttribute('aria-invalid')).toBe('true');

  await op.getByRole('radio', { name: 'Takeaway' }).check();
  await op.getByRole('button', { name: 'Place order' }).click();
  const placed = await op.locator('.console__placed').textContent();
  const orderNumber = Number(/#(\d+)/.exec(placed ?? '')?.[1]);
  expect(orderNumber).toBeGreaterThan(0);
  const row = op.locator(`.console-order[data-order-number="${orderNumber}"]`);
  await row.waitFor();

  const cookToken = await loginToken(suite.stack.url, suite.stack.tenant.slug, 'cook@demo.local', suite.stack.password);
  const { orders } = await gql<{ orders: Array<{ id: string; orderNumber: number; fulfillment: string }> }>(
    suite.stack.url,
    cookToken,
    'query ($s: String) { orders(search: $s) { id orderNumber fulfillment } }',
    { s: `#${orderNumber}` },
  );
  const order = orders.find((o) => o.orderNumber === orderNumber)!;
  expect(order.fulfillment).toBe('TAKEAWAY');
  await cookToReady(suite.stack.url, cookToken, order.id);

  // The expo shows it READY live, with its wait against the kitchen's 7 minutes and the one-tap button.
  const card = cook.locator(`section.expo-order[data-status="READY"][aria-label="Order ${orderNumber}"]`);
  await card.waitFor();
  const since = card.getByTestId('ready-since');
  expect([await since.textContent(), await since.getAttribute('title')]).toEqual(['ready just now', 'Hold time 7 min']);
  expect(await card.locator('.hand-off__other').allTextContents()).toEqual(['Served']);
  await op.locator(`.console-order[data-order-number="${orderNumber}"][data-status="READY"]`).waitFor();
  expect(await row.getByRole('button', { name: 'Collected' }).count()).toBe(1);

  await card.getByRole('button', { name: 'Collected' }).click();
  await cook.getByRole('region', { name: `Order ${orderNumber}` }).waitFor({ state: 'detached' });
  // The operator's console hears it over the socket: no reload, the order is off the open list.
  await row.waitFor({ state: 'detached' });

  const handle = suite.stack.kitchen.client.workflow.getHandle(orderWorkflowId(order.id));
  expect(orderWorkflowId(order.id)).toBe(`order-${order.id}`);
  const deadline = Date.now() + 20_000;
  let status = (await handle.describe()).status.name;
  while (status === 'RUNNING' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    status = (await handle.describe()).status.name;
  }
  expect(status).toBe('COMPLETED');
  const row2 = await suite.stack.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
  expect([row2.status, row2.handedOffAt !== null, row2.closedAt !== null]).toEqual(['PICKED_UP', true, true]);
});
