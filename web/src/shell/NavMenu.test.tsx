/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Link } from '../router/router';
import { NavMenu } from './NavMenu';

function renderMenu() {
  window.location.hash = '/console';
  render(
    <NavMenu>
      <nav aria-label="Main">
        <Link to="/console">Phone orders</Link>
        <Link to="/orders">Orders</Link>
      </nav>
    </NavMenu>,
  );
  const button = screen.getByRole('button', { name: 'Menu' });
  const panel = document.getElementById(button.getAttribute('aria-controls')!)!;
  return { button, panel };
}

it('opens the nav from the Menu button and closes it when a link is followed', async () => {
  const { button, panel } = renderMenu();
  expect(button).toHaveProperty('type', 'button');
  expect(button.getAttribute('aria-expanded')).toBe('false');
  expect(panel.dataset.open).toBe('false');
  expect(panel.contains(screen.getByRole('navigation', { name: 'Main' }))).toBe(true);

  fireEvent.click(button);
  expect(button.getAttribute('aria-expanded')).toBe('true');
  expect(panel.dataset.open).toBe('true');

  fireEvent.click(screen.getByRole('link', { name: 'Orders' }));
  await waitFor(() => expect(window.location.hash).toBe('#/orders'));
  await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('false'));
  expect(panel.dataset.open).toBe('false');
});

it('closes on Escape and gives the focus back to the Menu button', () => {
  const { button, panel } = renderMenu();
  fireEvent.click(button);
  screen.getByRole('link', { name: 'Orders' }).focus();

  fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
  expect(button.getAttribute('aria-expanded')).toBe('false');
  expect(panel.dataset.open).toBe('false');
  expect(document.activeElement).toBe(button);

  // Escape with the panel closed leaves the focus where it is.
  screen.getByRole('link', { name: 'Phone orders' }).focus();
  fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
  expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Phone orders' }));
});

it('toggles closed from the button itself', () => {
  const { button } = renderMenu();
  fireEvent.click(button);
  fireEvent.click(button);
  expect(button.getAttribute('aria-expanded')).toBe('false');
});
