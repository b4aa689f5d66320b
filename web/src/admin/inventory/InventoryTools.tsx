import { useState } from 'react';
import { useGqlQuery } from '../../api/hooks';
import { AdjustStockForm, type AdjustDraft } from './AdjustStockForm';
import { STOCK_ITEMS_KEY, STOCK_ITEMS_QUERY } from './inventory-api';
import { MovementsTable } from './MovementsTable';
import { ReorderSuggestions } from './ReorderSuggestions';
import './inventory.css';

/**
 * Below the stock table: what to reorder, recording a delivery / waste / correction, and the ledger.
 * Picking a suggestion fills the form; recording shows that item's movements.
 */
export function InventoryTools() {
  const stock = useGqlQuery(STOCK_ITEMS_KEY, STOCK_ITEMS_QUERY);
  const items = stock.data?.inventoryItems ?? [];
  const [draft, setDraft] = useState<AdjustDraft>({ itemId: '', type: 'manual_add', quantity: '' });
  const [formKey, setFormKey] = useState(0);
  const [ledgerItem, setLedgerItem] = useState<string | null>(null);
  return (
    <div className="inventory-tools">
      <section className="card" aria-labelledby="reorder-title">
        <h2 id="reorder-title">Reorder suggestions</h2>
        <ReorderSuggestions
          onReceive={(s) => {
            setDraft({ itemId: s.item.id, type: 'manual_add', quantity: String(s.suggestedQuantity) });
            setFormKey((k) => k + 1);
          }}
        />
      </section>
      <section className="card" aria-labelledby="adjust-title">
        <h2 id="adjust-title">Adjust stock</h2>
        <AdjustStockForm key={formKey} items={items} draft={draft} onDone={setLedgerItem} />
      </section>
      <section className="card" aria-labelledby="ledger-title">
        <h2 id="ledger-title">Movements</h2>
        <MovementsTable items={items} itemId={ledgerItem} onItem={setLedgerItem} />
      </section>
    </div>
  );
}
