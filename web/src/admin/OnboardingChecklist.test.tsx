/** @jest-environment jsdom */
import { act, screen, waitFor, within } from '@testing-library/react';
import type { AuthClient } from '../auth/auth-client';
import { renderWithApi, testSession } from '../test-support/render-with-api';
import { OnboardingChecklist } from './OnboardingChecklist';

let auth: AuthClient | undefined;
afterEach(() => auth?.dispose());

const KEYS = ['stations', 'recipes', 'dishes', 'stock', 'staff'];
const HREFS = ['/admin/stations', '/designer', '/admin/menu', '/admin/inventory', '/admin/users'];
const onboarding = (done: boolean[]) => ({
  onboarding: { complete: done.every(Boolean), steps: KEYS.map((key, i) => ({ key, done: done[i], href: HREFS[i] })) },
});

function renderList(answer: unknown) {
  const out = renderWithApi(<OnboardingChecklist />, () => answer, testSession(1, 'OWNER'));
  auth = out.auth;
  return out;
}

it('lists the five steps in order, each linking to its page and saying whether it is done', async () => {
  renderList(onboarding([true, false, false, false, true]));
  const list = await screen.findByRole('region', { name: 'Set up your kitchen' });
  expect(list.textContent).toMatch(/2 of 5 done/);
  const items = within(list).getAllByRole('listitem');
  expect(items.map((li) => [within(li).getByRole('link').getAttribute('href'), li.querySelector('.badge')?.textContent])).toEqual([
    ['#/admin/stations', 'done'],
    ['#/designer', 'to do'],
    ['#/admin/menu', 'to do'],
    ['#/admin/inventory', 'to do'],
    ['#/admin/users', 'done'],
  ]);
  // The first step still to do is the one to take next.
  expect(items[1].className).toContain('is-next');
  expect(within(items[0]).getByRole('link').textContent).toBe('Add your stations');
});

it('is gone once every step is done', async () => {
  const { calls } = renderList(onboarding([true, true, true, true, true]));
  await waitFor(() => expect(calls).toHaveLength(1));
  // Let the answer reach the component: with steps to do it would render now.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(screen.queryByRole('region', { name: 'Set up your kitchen' })).toBeNull();
});
