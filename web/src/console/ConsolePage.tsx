import { useState } from 'react';
import { Trans } from 'react-i18next';
import { useI18n } from '../i18n/LocaleProvider';
import { PageHeader } from '../shell/page';
import { ConsoleOrders } from './ConsoleOrders';
import type { ConsoleOrder } from './console-api';
import { OrderForm } from './OrderForm';
import './console.css';

/** Phone operators: take an order with a live ready time on the left, watch and find orders on the right. */
export function ConsolePage() {
  const [placed, setPlaced] = useState<ConsoleOrder | null>(null);
  const { t, format } = useI18n();
  return (
    <section className="console">
      <PageHeader
        title={t('console.title')}
        actions={
          placed && (
            <p className="notice console__placed" role="status">
              {placed.estimatedReadyAt ? (
                <Trans
                  i18nKey="console.placedReady"
                  values={{ orderNumber: placed.orderNumber, time: format.time(placed.estimatedReadyAt) }}
                  components={{ strong: <strong /> }}
                />
              ) : (
                <Trans i18nKey="console.placed" values={{ orderNumber: placed.orderNumber }} components={{ strong: <strong /> }} />
              )}
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
