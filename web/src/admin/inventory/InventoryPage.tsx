import { useState } from 'react';
import { PageHeader } from '../../shell/page';
import { useGqlQuery } from '../../api/hooks';
import { Empty, QueryView } from '../../shell/states';
import { ArchivedInventoryItems } from './ArchivedInventoryItems';
import { ArchiveItemButton } from './ArchiveItemButton';
import { INVENTORY_QUERY, qty, type StockItem } from './inventory-api';
import { InventoryItemPanel } from './InventoryItemPanel';
import { InventoryTools } from './InventoryTools';
import { LowStockAlerts } from './LowStockAlerts';

/**
 * Stock levels with what is below its reorder threshold highlighted; items are added, edited and
 * archived here. The list refreshes itself on
 * `inventory:alert` events (realtime/live-cache.ts), which also show as alerts above it; reorder
 * suggestions, adjustments and the movement ledger follow the table.
 */
export function InventoryPage() {
  const [belowMin, setBelowMin] = useState(false);
  // null: a new item; undefined: the editor is closed.
  const [editing, setEditing] = useState<StockItem | null | undefined>(undefined);
  const inventory = useGqlQuery(['inventory', { belowMin }], INVENTORY_QUERY, {
    belowMin: belowMin || null,
  });

  return (
    <section className="page">
      <PageHeader
        title="Inventory"
        actions={
          <div className="btn-row">
            <label className="check">
              <input type="checkbox" checked={belowMin} onChange={(e) => setBelowMin(e.target.checked)} />
              Only items below minimum
            </label>
            {editing === undefined && (
              <button type="button" className="btn btn--primary" onClick={() => setEditing(null)}>
                New item
              </button>
            )}
          </div>
        }
      />
      {editing !== undefined && <InventoryItemPanel key={editing?.id ?? 'new'} item={editing} onDone={() => setEditing(undefined)} />}
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
                    <th scope="col">Supplier</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
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
                        <td>{item.supplier ?? <span className="muted">—</span>}</td>
                        <td className="btn-row">
                          <button type="button" className="btn btn--small" onClick={() => setEditing(item)} aria-label={`Edit ${item.name}`}>
                            Edit
                          </button>
                          <ArchiveItemButton item={item} />
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </>
          );
        }}
      </QueryView>
      <ArchivedInventoryItems />
      <InventoryTools />
    </section>
  );
}
