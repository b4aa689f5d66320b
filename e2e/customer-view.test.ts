import type { Page } from 'playwright-core';
import { gql, loginToken } from './support/api';
import { launchBrowser, screenshot, signIn, type E2eBrowser, type E2ePage } from './support/browser';
import { startE2eStack, type E2eStack } from './support/stack';

/**
 * The customer's view in real Chromium against the real stack: a manager sets up a pickup board
 * screen, an order appears on it and moves to Ready live while the cook works it, the order's
 * tracking link (copied from the console) follows it on a phone, and a bad link says so.
 */
jest.setTimeout(150_000);

const PHONE = { width: 390, height: 844 };
let stack: E2eStack;
let browser: E2eBrowser;
const pages: E2ePage[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startE2eStack({ worker: true }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});
afterEach(() => {
  const errors = pages.flatMap((p) => p.errors.splice(0));
  expect(errors).toEqual([]);
});

async function open(name: string): Promise<E2ePage> {
  const p = await browser.page(name);
  pages.push(p);
  p.page.setDefaultTimeout(20_000);
  return p;
}

type Task = { id: string; status: string; subtasks: Array<{ id: string; completed: boolean }> };

/** The cook's side, over the API: start and bump every ticket of the order until it is READY. */
async function cookThrough(cook: string, orderId: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { order } = await gql(stack.url, cook, 'query($id: ID!) { order(id: $id) { status items { tasks { id status subtasks { id completed } } } } }', {
      id: orderId,
    });
    if (order.status === 'READY') return;
    if (Date.now() > deadline) throw new Error(`order still ${order.status}`);
    const tasks: Task[] = order.items.flatMap((i: { tasks: Task[] }) => i.tasks);
    for (const task of tasks) {
      if (task.status !== 'QUEUED' && task.status !== 'IN_PROGRESS') continue;
      if (task.status === 'QUEUED') await gql(stack.url, cook, 'mutation($id: ID!) { startTask(id: $id) { id } }', { id: task.id });
      for (const sub of task.subtasks.filter((st) => !st.completed)) {
        await gql(stack.url, cook, 'mutation($t: ID!, $s: ID!) { completeSubtask(taskId: $t, subtaskId: $s) { id } }', { t: task.id, s: sub.id });
      }
      await gql(stack.url, cook, 'mutation($id: ID!) { completeTask(id: $id) { id } }', { id: task.id });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

const column = (board: Page, kind: 'preparing' | 'ready') => board.getByTestId(`board-${kind}`);

it('shows an order on the pickup board and its tracking page, and moves both to ready live', async () => {
  const manager = await loginToken(stack.url, stack.tenant.slug, 'manager@demo.local', stack.password);
  const cook = await loginToken(stack.url, stack.tenant.slug, 'cook@demo.local', stack.password);
  const { createBoardScreen } = await gql(stack.url, manager, 'mutation { createBoardScreen(input: { name: "Counter" }) { token } }');

  const board = (await open('board')).page;
  await board.goto(`${stack.url}/board/${createBoardScreen.token}`);
  await board.getByRole('heading', { name: 'Preparing' }).waitFor();

  // The operator takes the order and hands out its tracking link from the console.
  const operator = (await open('operator')).page;
  await signIn(operator, stack.url, { tenant: stack.tenant.slug, email: 'operator@demo.local', password: stack.password }, '/console');
  const opToken = await loginToken(stack.url, stack.tenant.slug, 'operator@demo.local', stack.password);
  const { menuItems } = await gql(stack.url, opToken, '{ menuItems { id name } }');
  const tiramisu = menuItems.find((m: { name: string }) => m.name === 'Tiramisù');
  const { createOrder: order } = await gql(
    stack.url,
    opToken,
    'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id orderNumber trackingToken } }',
    { input: { channel: 'PHONE', customerName: 'Lina Rossi', customerPhone: '+39 347 555 0142', items: [{ menuItemId: tiramisu.id, quantity: 2 }] } },
  );

  await column(board, 'preparing').getByText(String(order.orderNumber), { exact: true }).waitFor();
  const row = operator.locator(`[data-order-number="${order.orderNumber}"]`);
  await row.getByRole('button', { name: 'Tracking link' }).click();
  const link = await row.getByRole('textbox', { name: `Tracking link of order #${order.orderNumber}` }).inputValue();
  expect(link).toBe(`${stack.url}/track/${order.trackingToken}`);
  await row.getByRole('button', { name: 'QR code' }).click();
  await row.getByRole('img', { name: `QR code of the tracking link of order #${order.orderNumber}` }).waitFor();

  const phone = await open('customer');
  await phone.page.setViewportSize(PHONE);
  await phone.page.goto(link);
  await phone.page.getByText(`Order #${order.orderNumber}`).waitFor();
  await phone.page.getByText('2 × Tiramisù').waitFor();
  expect(await phone.page.getByText('Lina').count()).toBe(0);

  await cookThrough(cook, order.id);
  await column(board, 'ready').getByText(String(order.orderNumber), { exact: true }).waitFor();
  expect(await column(board, 'preparing').getByText(String(order.orderNumber), { exact: true }).count()).toBe(0);
  await phone.page.getByRole('heading', { name: 'Your order is ready' }).waitFor();
  await screenshot(board, 'pickup-board');
  await screenshot(phone.page, 'tracking');
});

it('says "This link is not valid" for a link that opens nothing', async () => {
  const p = await open('bad-link');
  const page = await p.page.goto(`${stack.url}/track/not-a-real-token`);
  // The built app's index.html itself, as served for a public page: never stored, never indexed.
  expect([page?.headers()['cache-control'], page?.headers()['x-robots-tag']]).toEqual(['no-store', 'noindex, nofollow']);
  await p.page.getByRole('heading', { name: 'This link is not valid' }).waitFor();
  await p.page.goto(`${stack.url}/board/${'A'.repeat(43)}`);
  await p.page.getByRole('heading', { name: 'This link is not valid' }).waitFor();
  // Chromium logs the 404 answers themselves; they are the point here, not a fault.
  p.errors.splice(0, p.errors.length, ...p.errors.filter((e) => !e.includes('status of 404')));
});
