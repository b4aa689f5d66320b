import { useState, type FormEvent } from 'react';
import { useGqlMutation, useGqlQuery } from '../../api/hooks';
import { publicUrl } from '../../public/public-route';
import { PageHeader } from '../../shell/page';
import { ShareLink } from '../../shell/ShareLink';
import { FormError, QueryView } from '../../shell/states';
import { useI18n } from '../../i18n/LocaleProvider';
import { BOARD_SCREENS_KEY, BOARD_SCREENS_QUERY, CREATE_BOARD_SCREEN, REVOKE_BOARD_SCREEN, type BoardScreen } from './board-api';

/** The pickup board screens by the counter: set one up (its link is shown once), or revoke it. */
export function BoardScreensPage() {
  const screens = useGqlQuery(BOARD_SCREENS_KEY, BOARD_SCREENS_QUERY);
  const revoke = useGqlMutation(REVOKE_BOARD_SCREEN, [BOARD_SCREENS_KEY]);
  const { t, format } = useI18n();
  return (
    <section className="page">
      <PageHeader title={t('routes.boards.title')} lead={t('admin.boards.lead')} />
      <NewBoardScreen />
      <FormError error={revoke.error} />
      <QueryView query={screens} isEmpty={(d) => d.boardScreens.length === 0} empty={t('admin.boards.empty')}>
        {({ boardScreens }) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('admin.boards.screen')}</th>
                <th scope="col">{t('admin.boards.setUp')}</th>
                <th scope="col">
                  <span className="sr-only">{t('admin.boards.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {boardScreens.map((s: BoardScreen) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td>{format.dateTime(s.createdAt)}</td>
                  <td className="table__actions">
                    <button
                      type="button"
                      className="btn btn--small btn--danger"
                      disabled={revoke.isPending}
                      onClick={() => window.confirm(t('admin.boards.revokeConfirm', { name: s.name })) && revoke.mutate({ id: s.id })}
                    >
                      {t('admin.boards.revoke')}
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
  const { t } = useI18n();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ input: { name: name.trim() } }, { onSuccess: () => setName('') });
  };

  return (
    <div className="card">
      <form className="inline-form" onSubmit={submit} aria-label={t('admin.boards.newLabel')}>
        <label className="field">
          <span>{t('admin.boards.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('admin.boards.namePlaceholder')} maxLength={100} required />
        </label>
        <button type="submit" className="btn btn--primary" disabled={create.isPending || !name.trim()}>
          {t('admin.boards.create')}
        </button>
      </form>
      <FormError error={create.error} />
      {created && (
        <div className="board-created" role="status">
          <p>
            <strong>{created.screen.name}</strong>: {t('admin.boards.createdNote')}
          </p>
          <ShareLink
            url={publicUrl('board', created.token)}
            label={t('admin.boards.linkLabel', { name: created.screen.name })}
            qrAlt={t('admin.boards.qrAlt', { name: created.screen.name })}
          />
        </div>
      )}
    </div>
  );
}
