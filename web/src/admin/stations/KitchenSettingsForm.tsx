import { useState, type FormEvent } from 'react';
import { graphql } from '../../api/graphql';
import { useGqlMutation, useGqlQuery } from '../../api/hooks';
import { KITCHEN_SETTINGS_KEY, KITCHEN_SETTINGS_QUERY } from '../../orders/hand-off';
import { FormError, QueryView } from '../../shell/states';

const UPDATE_KITCHEN_SETTINGS = graphql(`
  mutation UpdateKitchenSettings($input: UpdateKitchenSettingsInput!) {
    updateKitchenSettings(input: $input) {
      readyHoldMinutes
    }
  }
`);

/** The kitchen-wide settings beside the stations (managers): how long a ready order may wait at the pass. */
export function KitchenSettingsForm() {
  const settings = useGqlQuery(KITCHEN_SETTINGS_KEY, KITCHEN_SETTINGS_QUERY);
  return (
    <section className="card" aria-labelledby="kitchen-settings-title">
      <h2 id="kitchen-settings-title">Kitchen settings</h2>
      <QueryView query={settings}>{(d) => <SettingsEditor initial={d.kitchenSettings} />}</QueryView>
    </section>
  );
}

function SettingsEditor({ initial }: { initial: { readyHoldMinutes: number } }) {
  const update = useGqlMutation(UPDATE_KITCHEN_SETTINGS, [KITCHEN_SETTINGS_KEY]);
  // Kept as typed, so a half-typed number is not rewritten under the cursor; the server checks the range.
  const [hold, setHold] = useState(String(initial.readyHoldMinutes));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ input: { readyHoldMinutes: Number(hold) } });
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Kitchen settings">
      <label className="field">
        <span>Ready-order hold time (minutes)</span>
        <input type="number" inputMode="numeric" step={1} value={hold} onChange={(e) => setHold(e.target.value)} required />
        <small className="muted">A ready order waiting longer turns red on the expo and in the console.</small>
      </label>
      <button type="submit" className="btn btn--primary btn--small" disabled={update.isPending || hold.trim() === ''}>
        {update.isPending ? 'Saving…' : 'Save'}
      </button>
      {update.isSuccess && !update.isPending && (
        <span className="muted" role="status">
          Saved
        </span>
      )}
      <FormError error={update.error} />
    </form>
  );
}
