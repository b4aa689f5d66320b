import { useState } from 'react';
import { useGqlMutation } from '../../api/hooks';
import { ConfirmBar } from '../../shell/page';
import { FormError } from '../../shell/states';
import { UPDATE_INVENTORY_ITEM, type StockItem } from './inventory-api';

/** Archives an item after asking; the server refuses (and says which dishes) while a dish on the menu uses it. */
export function ArchiveItemButton({ item }: { item: StockItem }) {
  const archive = useGqlMutation(UPDATE_INVENTORY_ITEM, [['inventory'], ['menu', 'choices']]);
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className="btn btn--small" onClick={() => setAsking(true)} aria-label={`Archive ${item.name}`}>
        Archive
      </button>
    );
  return (
    <>
      <ConfirmBar
        title={`Archive ${item.name}?`}
        confirmLabel="Archive"
        tone="danger"
        busy={archive.isPending}
        onConfirm={() => archive.mutate({ id: item.id, input: { isActive: false } }, { onSuccess: () => setAsking(false) })}
        onCancel={() => {
          archive.reset();
          setAsking(false);
        }}
      >
        It leaves the stock list and the ingredient choices; its movements stay in the ledger.
      </ConfirmBar>
      <FormError error={archive.error} />
    </>
  );
}
