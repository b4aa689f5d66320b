import { useState } from 'react';
import { PageHeader } from '../shell/page';
import { ConsoleOrders } from './ConsoleOrders';
import type { ConsoleOrder } from './console-api';
import { OrderForm } from './OrderForm';
import './console.css';

/** Phone operators: take an order with a live ready time on the left, watch and find orders on the right. */
export function ConsolePage() {
  const [placed, setPlaced] = useState<ConsoleOrder | null>(null);
  return (
    <section className="console">
      <PageHeader
        title="Phone orders"
        actions={
          placed && (
            <p className="notice console__placed" role="status">
              Order <strong>#{placed.orderNumber}</strong> placed
              {placed.estimatedReadyAt && ` — ready about ${new Date(placed.estimatedReadyAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`}.
            </p>
          )
        }
      />
      <div className="console__body">
        <OrderForm onPlaced={setPlaced} />
        <ConsoleOrders />
      </div>
    </section>
  );
}
