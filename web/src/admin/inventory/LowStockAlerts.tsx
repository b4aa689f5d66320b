import { useState } from 'react';
import type { InventoryAlertPayload } from '../../../../contracts/socket-events';
import { useSocketEvent } from '../../realtime/RealtimeProvider';
import { qty } from './inventory-api';

/**
 * Alerts as they happen (`inventory:alert`, raised when an order or an adjustment takes an item
 * below its minimum), newest first, one per item. The stock table refreshes on the same event
 * (realtime/live-cache.ts); this says what just crossed the line.
 */
export function LowStockAlerts() {
  const [alerts, setAlerts] = useState<Array<InventoryAlertPayload & { at: number }>>([]);
  useSocketEvent('inventory:alert', (alert) =>
    setAlerts((list) => [{ ...alert, at: Date.now() }, ...list.filter((a) => a.itemId !== alert.itemId)].slice(0, 8)),
  );
  if (alerts.length === 0) return null;
  return (
    <section className="banner banner--error low-stock" role="alert" aria-label="Low stock alerts">
      <div className="low-stock__head">
        <strong>Low stock just now</strong>
        <button type="button" className="btn btn--small" onClick={() => setAlerts([])}>
          Dismiss
        </button>
      </div>
      <ul>
        {alerts.map((a) => (
          <li key={a.itemId}>
            <strong>{a.name}</strong>: {qty(a.currentStock)} left (minimum {qty(a.minStock)}) ·{' '}
            <span className="muted">{new Date(a.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
