import type { Page } from 'playwright-core';
import { gql, loginToken } from './support/api';
import { screenshot, signIn, type E2ePage } from './support/browser';
import { cookToReady } from './support/cook';
import { e2eSuite } from './support/suite';

/**
 * The customer's view in real Chromium against the real stack: a manager sets up a pickup board
 * screen, an order appears on it and moves to Ready live while the cook works it, the order's
 * tracking link (copied from the console) follows it on a phone, and a bad link says so.
 */
jest.setTimeout(150_000);

const PHONE = { width: 390, height: 844 };
const suite = e2eSuite({ worker: true });

async function open(name: string): Promise<E2ePage> {
  const p = await suite.page(name);
  p.page.setDefaultTimeout(20_000);
  return p;
}

const column = (board: Page, kind: 'preparing' | 'ready') => board.getByTestId(`board-${kind}`);

it('shows an order on the pickup board and its tracking page, and moves both to ready live', async () => {
  const manager = await loginToken(suite.stack.url, suite.stack.tenant.slug, 'manager@demo.local', suite.stack.password);
  const cook = await loginToken(suite.stack.url, suite.stack.tenant.slug, 'cook@demo.local', suite.stack.password);
  const { createBoardScreen } = await gql(suite.stack.url, manager, 'mutation { createBoardScreen(input: { name: "Counter" }) { token } }');

  const board = (await open('board')).page;
  await board.goto(`${suite.stack.url}/board/${createBoardScreen.token}`);
  await board.getByRole('heading', { name: 'Preparing' }).waitFor();

  // The operator takes the order and hands out its tracking link from the console.
  const operator = (await open('operator')).page;
  await signIn(operator, suite.stack.url, { tenant: suite.stack.tenant.slug, email: 'operator@demo.local', password: suite.stack.password }, '/console');
  const opToken = await loginToken(suite.stack.url, suite.stack.tenant.slug, 'operator@demo.local', suite.stack.password);
  const { menuItems } = await gql(suite.stack.url, opToken, '{ menuItems { id name } }');
  const tiramisu = menuItems.find((m: { name: string }) => m.name === 'Tiramisù');
  const { createOrder: order } = await gql(
    suite.stack.url,
    opToken,
    'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id orderNumber trackingToken } }',
    { input: { channel: 'PHONE', customerName: 'Lina Rossi', customerPhone: '+39 347 555 0142', items: [{ menuItemId: tiramisu.id, quantity: 2 }] } },
  );

  await column(board, 'preparing').getByText(String(order.orderNumber), { exact: true }).waitFor();
  const row = operator.locator(`[data-order-number="${order.orderNumber}"]`);
  await row.getByRole('button', { name: 'Tracking link' }).click();
  const link = await row.getByRole('textbox', { name: `Tracking link of order #${order.orderNumber}` }).inputValue();
  expect(link).toBe(`${suite.stack.url}/track/${order.trackingToken}`);
  await row.getByRole('button', { name: 'QR code' }).click();
  await row.getByRole('img', { name: `QR code of the tracking link of order #${order.orderNumber}` }).waitFor();

  const phone = await open('customer');
  await phone.page.setViewportSize(PHONE);
  await phone.page.goto(link);
  await phone.page.getByText(`Order #${order.orderNumber}`).waitFor();
  await phone.page.getByText('2 × Tiramisù').waitFor();
  expect(await phone.page.getByText('Lina').count()).toBe(0);

  await cookToReady(suite.stack.url, cook, order.id);
  await column(board, 'ready').getByText(String(order.orderNumber), { exact: true }).waitFor();
  expect(await column(board, 'preparing').getByText(String(order.orderNumber), { exact: true }).count()).toBe(0);
  await phone.page.getByRole('heading', { name: 'Your order is ready' }).waitFor();
  await screenshot(board, 'pickup-board');
  await screenshot(phone.page, 'tracking');
});

it('says "This link is not valid" for a link that opens nothing', async () => {
  const p = await open('bad-link');
  const page = await p.page.goto(`${suite.stack.url}/track/not-a-real-token`);
  // The built app's index.html itself, as served for a public page: never stored, never indexed.
  expect([page?.headers()['cache-control'], page?.headers()['x-robots-tag']]).toEqual(['no-store', 'noindex, nofollow']);
  await p.page.getByRole('heading', { name: 'This link is not valid' }).waitFor();
  await p.page.goto(`${suite.stack.url}/board/${'A'.repeat(43)}`);
  await p.page.getByRole('heading', { name: 'This link is not valid' }).waitFor();
  // Chromium logs the 404 answers themselves; they are the point here, not a fault.
  p.errors.splice(0, p.errors.length, ...p.errors.filter((e) => !e.includes('status of 404')));
});
