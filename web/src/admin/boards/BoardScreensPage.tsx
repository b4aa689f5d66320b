import { useState, type FormEvent } from 'react';
import { useGqlMutation, useGqlQuery } from '../../api/hooks';
import { publicUrl } from '../../public/public-route';
import { PageHeader } from '../../shell/page';
import { ShareLink } from '../../shell/ShareLink';
import { FormError, QueryView } from '../../shell/states';
import { BOARD_SCREENS_KEY, BOARD_SCREENS_QUERY, CREATE_BOARD_SCREEN, REVOKE_BOARD_SCREEN, type BoardScreen } from './board-api';

/** The pickup board screens by the counter: set one up (its link is shown once), or revoke it. */
export function BoardScreensPage() {
  const screens = useGqlQuery(BOARD_SCREENS_KEY, BOARD_SCREENS_QUERY);
  const revoke = useGqlMutation(REVOKE_BOARD_SCREEN, [BOARD_SCREENS_KEY]);
  return (
    <section className="page">
      <PageHeader
        title="Pickup boards"
        lead="A screen by the counter showing order numbers preparing and ready, live, without signing in. Open its link on the screen's browser."
      />
      <NewBoardScreen />
      <FormError error={revoke.error} />
      <QueryView query={screens} isEmpty={(d) => d.boardScreens.length === 0} empty="No board screens yet.">
        {({ boardScreens }) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Screen</th>
                <th scope="col">Set up</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {boardScreens.map((s: BoardScreen) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td>{new Date(s.createdAt).toLocaleString()}</td>
                  <td className="table__actions">
                    <button
                      type="button"
                      className="btn btn--small btn--danger"
                      disabled={revoke.isPending}
                      onClick={() => window.confirm(`Revoke "${s.name}"? Its screen goes blank at once.`) && revoke.mutate({ id: s.id })}
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </section>
  );
}

function NewBoardScreen() {
  const create = useGqlMutation(CREATE_BOARD_SCREEN, [BOARD_SCREENS_KEY]);
  const [name, setName] = useState('');
  const created = create.data?.createBoardScreen;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ input: { name: name.trim() } }, { onSuccess: () => setName('') });
  };

  return (
    <div className="card">
      <form className="inline-form" onSubmit={submit} aria-label="New board screen">
        <label className="field">
          <span>Screen name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Counter" maxLength={100} required />
        </label>
        <button type="submit" className="btn btn--primary" disabled={create.isPending || !name.trim()}>
          Set up screen
        </button>
      </form>
      <FormError error={create.error} />
      {created && (
        <div className="board-created" role="status">
          <p>
            <strong>{created.screen.name}</strong>: open this link on the screen. It is shown only now; if it is lost, set up a new screen and revoke this one.
          </p>
          <ShareLink
            url={publicUrl('board', created.token)}
            label={`Link of board screen ${created.screen.name}`}
            qrAlt={`QR code of board screen ${created.screen.name}`}
          />
        </div>
      )}
    </div>
  );
}
