import type { Locator, Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn, type E2eBrowser, type E2ePage } from './support/browser';
import { startE2eStack, type E2eStack } from './support/stack';

/**
 * The workflow designer in real Chromium against the real API and database: a manager drags a
 * dependency that closes a cycle, sees it marked on the cards and in the checks, removes it and
 * publishes a new version. No kitchen worker: nothing here runs an order.
 */
jest.setTimeout(90_000);

let stack: E2eStack;
let browser: E2eBrowser;
let manager: E2ePage;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startE2eStack({ worker: false }), launchBrowser()]);
  manager = await browser.page('manager');
  manager.page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a new edge from one task's "unblocks" handle to another's "waits for" handle. */
async function connect(page: Page, fromTask: string, toTask: string): Promise<void> {
  const from = await centre(page.locator(`.task-card[data-task-id="${fromTask}"] .react-flow__handle.source`));
  const to = await centre(page.locator(`.task-card[data-task-id="${toTask}"] .react-flow__handle.target`));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2 + 40, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

it('a manager draws a cycle, sees it marked, removes it and publishes the next version', async () => {
  const { page } = manager;
  await signIn(page, stack.url, { tenant: stack.tenant.slug, email: 'manager@demo.local', password: stack.password }, '/admin');
  await page.getByRole('link', { name: 'Recipes', exact: true }).click();
  await page.getByRole('link', { name: 'Tiramisù', exact: true }).click();
  await page.locator('.task-card[data-task-id="pack"]').waitFor();
  await page.getByText('v1 live').waitFor();
  expect(await page.getByTestId('issue-count').textContent()).toBe('all good');

  // "Portion" waits for "Lid & pack", which waits (through "Dust") for "Portion": a cycle.
  await connect(page, 'pack', 'portion');
  await page.locator('.issue[data-code="CYCLE"]').waitFor();
  for (const task of ['portion', 'dust', 'pack']) await page.locator(`.task-card[data-task-id="${task}"][data-issue="error"]`).waitFor();
  expect(await page.locator('.react-flow__edge.is-cycle').count()).toBe(3);
  expect(await page.getByRole('button', { name: 'Publish…' }).isDisabled()).toBe(true);
  await screenshot(page, 'designer-cycle');

  // Fixed from the side panel: Portion no longer waits for Lid & pack.
  await page.locator('.task-card[data-task-id="portion"]').click();
  await page.getByRole('button', { name: 'Stop waiting for Lid & pack' }).click();
  await page.getByTestId('issue-count').filter({ hasText: 'all good' }).waitFor();
  expect(await page.locator('.task-card[data-issue]').count()).toBe(0);

  await page.getByRole('button', { name: 'Publish…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Published version 2').waitFor();
  await page.getByText('v2 live').waitFor();
  await screenshot(page, 'designer');

  const template = await stack.prisma.workflowTemplate.findFirstOrThrow({
    where: { tenantId: stack.tenant.id, name: 'Tiramisù' },
    include: { versions: true },
  });
  expect(template.currentVersion).toBe(2);
  expect(template.versions.map((v) => v.version).sort()).toEqual([1, 2]);
  expect(manager.errors).toEqual([]);
});
