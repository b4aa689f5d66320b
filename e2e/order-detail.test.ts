import { gql, loginToken } from './support/api';
import { PHONE, signIn } from './support/browser';
import { e2eSuite } from './support/suite';

/**
 * The order detail page, in real Chromium against the real stack: two tiramisù orders meet at the
 * one-slot Pass & Packaging, the second waits there behind the first, and its promise is set a
 * minute before its pack was queued (late on purpose). The operator taps the order in the console
 * and reads its per-station timeline, the critical path and why it was late, on a tablet and on a
 * phone.
 */
jest.setTimeout(180_000);

const suite = e2eSuite({ worker: true });
const PACK = 'Lid & pack';
const TASKS = `query ($id: ID!) { order(id: $id) { status items { tasks { id name status queuedAt subtasks { id optional completed } } } } }`;
type Task = { id: string; name: string; status: string; queuedAt: string | null; subtasks: Array<{ id: string; optional: boolean; completed: boolean }> };

let cookToken: string;
const tasksOf = async (orderId: string) =>
  (await gql<{ order: { status: string; items: Array<{ tasks: Task[] }> } }>(suite.stack.url, cookToken, TASKS, { id: orderId })).order;

async function work(t: Task, step: 'start' | 'finish'): Promise<void> {
  const { url } = suite.stack;
  if (step === 'start') {
    await gql(url, cookToken, 'mutation ($id: ID!) { startTask(id: $id) { id } }', { id: t.id });
    return;
  }
  for (const s of t.subtasks.filter((st) => !st.optional && !st.completed)) {
    await gql(url, cookToken, 'mutation ($t: ID!, $s: ID!) { completeSubtask(taskId: $t, subtaskId: $s) { id } }', { t: t.id, s: s.id });
  }
  await gql(url, cookToken, 'mutation ($id: ID!) { completeTask(id: $id) { id } }', { id: t.id });
}

/** Works an order's tasks through the KDS mutations until `done(tasks)` holds; taps refused for now are tried again. */
async function cookUntil(orderId: string, skip: (t: Task) => boolean, done: (tasks: Task[], status: string) => boolean): Promise<Task[]> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const order = await tasksOf(orderId);
    const tasks = order.items.flatMap((i) => i.tasks);
    if (done(tasks, order.status)) return tasks;
    for (const t of tasks.filter((x) => !skip(x) && (x.status === 'QUEUED' || x.status === 'IN_PROGRESS'))) {
      try {
        if (t.status === 'QUEUED') await work(t, 'start');
        await work(t, 'finish');
      } catch {
        // Not yet loaded by its workflow: seen again next pass.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`order ${orderId} did not get there within 60 s`);
}

const packOf = (tasks: Task[]) => tasks.find((t) => t.name === PACK)!;
const packQueued = (tasks: Task[]) => packOf(tasks)?.status === 'QUEUED';

it('opens a late order from the console and shows its timeline per station and why it was late, on a tablet and a phone', async () => {
  const { url, tenant, password, prisma } = suite.stack;
  cookToken = await loginToken(url, tenant.slug, 'cook@demo.local', password);
  const opToken = await loginToken(url, tenant.slug, 'operator@demo.local', password);
  const { menuItems } = await gql<{ menuItems: Array<{ id: string; name: string }> }>(url, opToken, '{ menuItems { id name } }');
  const tiramisu = menuItems.find((m) => m.name === 'Tiramisù')!;
  const place = async (customerName: string) =>
    (
      await gql<{ createOrder: { id: string; orderNumber: number } }>(
        url,
        opToken,
        'mutation ($input: CreateOrderInput!) { createOrder(input: $input) { id orderNumber } }',
        {
          input: { channel: 'PHONE', customerName, items: [{ menuItemId: tiramisu.id, quantity: 1 }] },
        },
      )
    ).createOrder;
  const first = await place('Anna Bianchi');
  const second = await place('Marco Verdi');

  // Both tiramisù to the pass, then the first is packed while the second waits for the one slot.
  const notPack = (t: Task) => t.name === PACK;
  await cookUntil(first.id, notPack, packQueued);
  const secondTasks = await cookUntil(second.id, notPack, packQueued);
  await work(packOf((await tasksOf(first.id)).items.flatMap((i) => i.tasks)), 'start');
  const queuedAt = Date.parse(packOf(secondTasks).queuedAt!);
  // Over the noise floor of a one-minute task (a tenth of it): a wait worth a sentence.
  while (Date.now() - queuedAt < 9_000) await new Promise((resolve) => setTimeout(resolve, 250));
  await cookUntil(
    first.id,
    () => false,
    (_t, status) => status === 'READY',
  );
  await cookUntil(
    second.id,
    () => false,
    (_t, status) => status === 'READY',
  );
  // Late on purpose: promised a minute before its pack was even queued.
  await prisma.order.update({ where: { id: second.id }, data: { initialEstimatedReadyAt: new Date(queuedAt - 60_000) } });

  const { page } = await suite.page('operator');
  page.setDefaultTimeout(20_000);
  await signIn(page, url, { tenant: tenant.slug, email: 'operator@demo.local', password }, '/console');
  const row = page.locator(`.console-order[data-order-number="${second.orderNumber}"]`);
  await row.getByTestId('order-detail-link').click();
  await page.waitForURL(`**/#/orders/${second.id}`);

  const why = page.getByTestId('why-late');
  await why.waitFor();
  expect(await why.locator('.order-detail__summary').textContent()).toMatch(/^Ready \d+ (s|min) after the promise: /);
  expect(await why.locator('li').allTextContents()).toContainEqual(
    expect.stringMatching(new RegExp(`^waited \\d+ s at Pass & Packaging behind #${first.orderNumber}$`)),
  );

  // One lane per station the order used, every task with its bars; the pack waited, then worked.
  const lanes = page.getByTestId('timeline-lane');
  expect(await lanes.locator('.timeline-lane__name').allTextContents()).toEqual([
    expect.stringMatching(/^Prep & Cold/),
    expect.stringMatching(/^Pass & Packaging · \d of 1 slots$/),
  ]);
  const pack = page.getByTestId('timeline-task').filter({ hasText: PACK });
  expect(await pack.getAttribute('data-critical')).toBe('true');
  expect(await pack.getByTestId('bar-waiting').count()).toBe(1);
  expect(await pack.getByTestId('bar-working').count()).toBe(1);
  expect(await page.getByTestId('timeline-task').count()).toBe(3);
  expect(await page.locator('.timeline-task[data-critical="true"]').count()).toBe(3);
  await page.getByTestId('eta-history').locator('li').first().filter({ hasText: 'promised when the order was taken' }).waitFor();

  // On a phone the page fits its width: nothing scrolls sideways.
  await page.setViewportSize(PHONE);
  await why.waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

it('keeps an open order’s detail page live: a task started in the kitchen shows as working without a reload', async () => {
  const { url, tenant, password } = suite.stack;
  cookToken = await loginToken(url, tenant.slug, 'cook@demo.local', password);
  const opToken = await loginToken(url, tenant.slug, 'operator@demo.local', password);
  const { menuItems } = await gql<{ menuItems: Array<{ id: string; name: string }> }>(url, opToken, '{ menuItems { id name } }');
  const { createOrder: order } = await gql<{ createOrder: { id: string } }>(
    url,
    opToken,
    'mutation ($input: CreateOrderInput!) { createOrder(input: $input) { id } }',
    {
      input: { channel: 'PHONE', customerName: 'Sara Neri', items: [{ menuItemId: menuItems.find((m) => m.name === 'Tiramisù')!.id, quantity: 1 }] },
    },
  );

  const { page } = await suite.page('live');
  page.setDefaultTimeout(20_000);
  await signIn(page, url, { tenant: tenant.slug, email: 'operator@demo.local', password }, '/console');
  await page.goto(`${url}/#/orders/${order.id}`);
  const portion = page.getByTestId('timeline-task').filter({ hasText: 'Portion tiramisù' });
  await portion.waitFor();
  expect(await portion.getByTestId('bar-working').count()).toBe(0);

  const deadline = Date.now() + 30_000;
  for (;;) {
    const queued = (await tasksOf(order.id)).items.flatMap((i) => i.tasks).find((t) => t.name === 'Portion tiramisù' && t.status === 'QUEUED');
    if (!queued) break;
    try {
      await work(queued, 'start');
    } catch {
      // Not yet loaded by its workflow: tried again.
    }
    if (Date.now() > deadline) throw new Error('the first task never started');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await portion.getByTestId('bar-working').waitFor();
});
