import { useState } from 'react';
import { PageHeader } from '../../shell/page';
import { useGqlMutation, useGqlQuery } from '../../api/hooks';
import { Empty, FormError, QueryView } from '../../shell/states';
import { KitchenSettingsForm } from './KitchenSettingsForm';
import { ALL_STATIONS_KEY, CREATE_STATION, paceLabel, pickupLabel, STATIONS_KEY, STATIONS_QUERY, UPDATE_STATION } from './station-api';
import { StationForm } from './StationForm';

export function StationsPage() {
  const stations = useGqlQuery(ALL_STATIONS_KEY, STATIONS_QUERY);
  const create = useGqlMutation(CREATE_STATION, [STATIONS_KEY]);
  const update = useGqlMutation(UPDATE_STATION, [STATIONS_KEY]);
  const [editing, setEditing] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  return (
    <section className="page">
      <PageHeader title="Stations" lead="Where tasks run. Capacity is how many tasks a station works on at once." />
      <details className="card" open={stations.data?.stations.length === 0 || undefined}>
        <summary>New station</summary>
        <StationForm
          key={formKey}
          submitLabel="Create station"
          busy={create.isPending}
          error={create.error}
          onSubmit={(input) => create.mutate({ input }, { onSuccess: () => setFormKey((k) => k + 1) })}
        />
      </details>
      <KitchenSettingsForm />
      <FormError error={update.error} />
      <QueryView query={stations} isEmpty={(d) => d.stations.length === 0} empty={<Empty title="No stations yet">Create the first one above.</Empty>}>
        {({ stations: list }) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Capacity</th>
                <th scope="col">Task types</th>
                <th scope="col" title="Actual time over the recipes' estimates, learned from recent plausible durations (samples in brackets)">
                  Learned pace
                </th>
                <th scope="col" title="How long a ticket waits for a cook once the station has a slot for it, learned from recent tickets (count in brackets)">
                  Pickup
                </th>
                <th scope="col">Order</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...list]
                .sort((a, b) => a.displayOrder - b.displayOrder || a.name.localeCompare(b.name))
                .map((s) =>
                  editing === s.id ? (
                    <tr key={s.id}>
                      <td colSpan={8}>
                        <StationForm
                          initial={s}
                          submitLabel="Save station"
                          busy={update.isPending}
                          error={update.error}
                          onSubmit={(input) => update.mutate({ id: s.id, input }, { onSuccess: () => setEditing(null) })}
                          onCancel={() => setEditing(null)}
                        />
                      </td>
                    </tr>
                  ) : (
                    <tr key={s.id} className={s.isActive ? undefined : 'is-inactive'}>
                      <th scope="row">{s.name}</th>
                      <td>{s.capacity}</td>
                      <td>
                        {s.taskTypes.map((t) => (
                          <span key={t} className="chip">
                            {t}
                          </span>
                        ))}
                      </td>
                      <td>{paceLabel(s.learnedPace)}</td>
                      <td>{pickupLabel(s.learnedPickupDelay)}</td>
                      <td>{s.displayOrder}</td>
                      <td>{s.isActive ? <span className="badge badge--ok">active</span> : <span className="badge">inactive</span>}</td>
                      <td className="table__actions">
                        <button
                          type="button"
                          className="btn btn--small"
                          onClick={() => {
                            update.reset();
                            setEditing(s.id);
                          }}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className="btn btn--small"
                          disabled={update.isPending}
                          onClick={() => update.mutate({ id: s.id, input: { isActive: !s.isActive } })}
                        >
                          {s.isActive ? 'Deactivate' : 'Activate'}
                        </button>
                      </td>
                    </tr>
                  ),
                )}
            </tbody>
          </table>
        )}
      </QueryView>
    </section>
  );
}
