import { useGqlQuery } from '../../api/hooks';
import { Empty, QueryView } from '../../shell/states';
import { qty, REORDER_KEY, REORDER_QUERY, type ReorderSuggestion } from './inventory-api';

/** What to order now, the items that run out first on top; "Record delivery" pre-fills the form. */
export function ReorderSuggestions({ onReceive }: { onReceive(s: ReorderSuggestion): void }) {
  const suggestions = useGqlQuery(REORDER_KEY, REORDER_QUERY);
  return (
    <QueryView query={suggestions} isEmpty={(d) => d.reorderSuggestions.length === 0} empty={<Empty title="Nothing needs reordering" />}>
      {({ reorderSuggestions }) => (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="num">
                In stock
              </th>
              <th scope="col" className="num">
                Order
              </th>
              <th scope="col" className="num">
                Used per day
              </th>
              <th scope="col" className="num">
                Days left
              </th>
              <th scope="col">Supplier</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {reorderSuggestions.map((s) => (
              <tr key={s.item.id} className={s.item.belowMin ? 'is-low' : undefined}>
                <th scope="row">{s.item.name}</th>
                <td className="num">
                  {qty(s.item.currentStock)} {s.item.unit}
                </td>
                <td className="num">
                  <strong>
                    {qty(s.suggestedQuantity)} {s.item.unit}
                  </strong>
                </td>
                <td className="num">{qty(s.averageDailyUsage)}</td>
                <td className="num">{s.daysOfStockLeft === null ? '–' : qty(s.daysOfStockLeft)}</td>
                <td>{s.item.supplier ?? <span className="muted">—</span>}</td>
                <td className="table__actions">
                  <button type="button" className="btn btn--small" onClick={() => onReceive(s)}>
                    Record delivery
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </QueryView>
  );
}
