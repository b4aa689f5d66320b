import { useState } from 'react';
import { PageHeader } from '../../shell/page';
import { useGqlQuery } from '../../api/hooks';
import { Empty, QueryView } from '../../shell/states';
import { INVENTORY_QUERY, qty } from './inventory-api';
import { InventoryTools } from './InventoryTools';
import { LowStockAlerts } from './LowStockAlerts';

/**
 * Stock levels with what is below its reorder threshold highlighted. The list refreshes itself on
 * `inventory:alert` events (realtime/live-cache.ts), which also show as alerts above it; reorder
 * suggestions, adjustments and the movement ledger follow the table.
 */
export function InventoryPage() {
  const [belowMin, setBelowMin] = useState(false);
  const inventory = useGqlQuery(['inventory', { belowMin }], INVENTORY_QUERY, {
    belowMin: belowMin || null,
  });

  return (
    <section className="page">
      <PageHeader
        title="Inventory"
        actions={
          <label className="check">
            <input type="checkbox" checked={belowMin} onChange={(e) => setBelowMin(e.target.checked)} />
            Only items below minimum
          </label>
        }
      />
      <LowStockAlerts />
      <QueryView
        query={inventory}
        isEmpty={(d) => d.inventoryItems.length === 0}
        empty={<Empty title={belowMin ? 'Nothing is below its minimum stock' : 'No inventory items yet'} />}
      >
        {({ inventoryItems }) => {
          const low = inventoryItems.filter((i) => i.belowMin).length;
          return (
            <>
              {!belowMin && low > 0 && (
                <p className="notice notice--warning" role="status">
                  {low} item{low === 1 ? ' is' : 's are'} below minimum stock.
                </p>
              )}
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Item</th>
                    <th scope="col" className="num">
                      In stock
                    </th>
                    <th scope="col" className="num">
                      Minimum
                    </th>
                    <th scope="col">Unit</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {[...inventoryItems]
                    .sort((a, b) => Number(b.belowMin) - Number(a.belowMin) || a.name.localeCompare(b.name))
                    .map((item) => (
                      <tr key={item.id} className={item.belowMin ? 'is-low' : undefined}>
                        <th scope="row">{item.name}</th>
                        <td className="num">{qty(item.currentStock)}</td>
                        <td className="num">{qty(item.minStock)}</td>
                        <td>{item.unit}</td>
                        <td>{item.belowMin ? <span className="badge badge--error">below minimum</span> : <span className="badge badge--ok">ok</span>}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </>
          );
        }}
      </QueryView>
      <InventoryTools />
    </section>
  );
}
