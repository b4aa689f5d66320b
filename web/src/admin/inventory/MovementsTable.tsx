import { useGqlQuery } from '../../api/hooks';
import { Empty, QueryView } from '../../shell/states';
import { MOVEMENT_LABEL, movementsKey, MOVEMENTS_QUERY, qty, type StockItem } from './inventory-api';

/** The stock ledger, newest first: every change with its reason; one item or all of them. */
export function MovementsTable({ items, itemId, onItem }: { items: StockItem[]; itemId: string | null; onItem(id: string | null): void }) {
  const movements = useGqlQuery(movementsKey(itemId), MOVEMENTS_QUERY, { itemId }, { staleTime: 5_000 });
  return (
    <>
      <label className="field field--inline">
        <span>Show</span>
        <select value={itemId ?? ''} onChange={(e) => onItem(e.target.value || null)}>
          <option value="">All items</option>
          {items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </select>
      </label>
      <QueryView query={movements} isEmpty={(d) => d.inventoryMovements.length === 0} empty={<Empty title="No movements yet" />}>
        {({ inventoryMovements }) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Item</th>
                <th scope="col">What</th>
                <th scope="col" className="num">
                  Change
                </th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {inventoryMovements.map((m) => (
                <tr key={m.id}>
                  <td>{new Date(m.createdAt).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' })}</td>
                  <th scope="row">{m.inventoryItem.name}</th>
                  <td>{MOVEMENT_LABEL[m.movementType] ?? m.movementType}</td>
                  <td className={`num ${Number(m.quantity) < 0 ? 'text-bad' : 'text-ok'}`}>
                    {Number(m.quantity) > 0 ? '+' : ''}
                    {qty(m.quantity)} {m.inventoryItem.unit}
                  </td>
                  <td>{m.notes ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </>
  );
}
