import { useGqlMutation } from '../../api/hooks';
import { CREATE_INVENTORY_ITEM, UPDATE_INVENTORY_ITEM, type StockItem } from './inventory-api';
import { EMPTY_INVENTORY_ITEM, inventoryDraftOf } from './inventory-item-form';
import { InventoryItemEditor } from './InventoryItemEditor';

/** Adds an inventory item, or saves the details of one (never its stock: that is the ledger's). */
export function InventoryItemPanel({ item, onDone }: { item: StockItem | null; onDone(): void }) {
  // Under 'inventory': the table, the tools' item list and the archived list all refresh.
  const create = useGqlMutation(CREATE_INVENTORY_ITEM, [['inventory'], ['menu', 'choices']]);
  const update = useGqlMutation(UPDATE_INVENTORY_ITEM, [['inventory'], ['menu']]);
  const save = item ? update : create;
  return (
    <section className="card" aria-labelledby="inventory-item-title">
      <h2 id="inventory-item-title">{item ? `Edit ${item.name}` : 'New inventory item'}</h2>
      <InventoryItemEditor
        initial={item ? inventoryDraftOf(item) : EMPTY_INVENTORY_ITEM}
        editing={item !== null}
        busy={save.isPending}
        error={save.error}
        onSubmit={(input) => {
          if (!item) return create.mutate({ input }, { onSuccess: onDone });
          const { initialStock: _ledgerOnly, ...details } = input;
          update.mutate({ id: item.id, input: details }, { onSuccess: onDone });
        }}
        onCancel={onDone}
      />
    </section>
  );
}
