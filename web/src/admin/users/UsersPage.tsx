import { useState } from 'react';
import { PageHeader } from '../../shell/page';
import type { RoleName } from '../../../../contracts/socket-events';
import { useGqlMutation, useGqlQuery } from '../../api/hooks';
import { useRequiredSession } from '../../auth/AuthContext';
import { FormError, QueryView } from '../../shell/states';
import { AccessLinkNotice } from './AccessLinkNotice';
import { InviteUserForm } from './InviteUserForm';
import { NewUserForm } from './NewUserForm';
import { useI18n } from '../../i18n/LocaleProvider';
import { assignableRoles, RESET_USER_PASSWORD, UPDATE_USER, USERS_KEY, USERS_QUERY, type UserAccessLink } from './user-api';

export function UsersPage() {
  const session = useRequiredSession();
  const users = useGqlQuery(USERS_KEY, USERS_QUERY);
  const update = useGqlMutation(UPDATE_USER, [USERS_KEY]);
  const reset = useGqlMutation(RESET_USER_PASSWORD);
  const [formKey, setFormKey] = useState(0);
  const [link, setLink] = useState<{ link: UserAccessLink; purpose: 'invite' | 'reset' } | null>(null);
  const roles = assignableRoles(session.user.role);
  const { t, format } = useI18n();

  return (
    <section className="page">
      <PageHeader title={t('admin.users.title')} lead={t('admin.users.lead')} />
      {link && <AccessLinkNotice link={link.link} purpose={link.purpose} onClose={() => setLink(null)} />}
      <details className="card" open>
        <summary>{t('admin.users.inviteSomeone')}</summary>
        <InviteUserForm
          key={`invite-${formKey}`}
          roles={roles}
          onInvited={(invited) => {
            setLink({ link: invited, purpose: 'invite' });
            setFormKey((k) => k + 1);
          }}
        />
      </details>
      <details className="card">
        <summary>{t('admin.users.newWithPassword')}</summary>
        <NewUserForm key={formKey} roles={roles} onDone={() => setFormKey((k) => k + 1)} />
      </details>
      <FormError error={update.error ?? reset.error} />
      <QueryView query={users}>
        {({ users: list }) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('admin.users.name')}</th>
                <th scope="col">{t('admin.users.email')}</th>
                <th scope="col">{t('admin.users.role')}</th>
                <th scope="col">{t('admin.users.lastSignIn')}</th>
                <th scope="col">{t('admin.users.status')}</th>
              </tr>
            </thead>
            <tbody>
              {[...list]
                .sort((a, b) => Number(b.isActive) - Number(a.isActive) || a.name.localeCompare(b.name))
                .map((u) => {
                  const self = u.id === session.user.id;
                  // An admin cannot edit an owner at all; nobody demotes or deactivates themselves by accident.
                  const locked = self || (u.role === 'OWNER' && session.user.role !== 'OWNER');
                  return (
                    <tr key={u.id} className={u.isActive ? undefined : 'is-inactive'}>
                      <th scope="row">
                        {u.name} {self && <span className="muted">{t('admin.users.you')}</span>}
                      </th>
                      <td>{u.email}</td>
                      <td>
                        <select
                          aria-label={t('admin.users.roleOf', { name: u.name })}
                          value={u.role}
                          disabled={locked || update.isPending}
                          onChange={(e) => update.mutate({ id: u.id, input: { role: e.target.value as RoleName } })}
                        >
                          {(locked ? [u.role] : roles).map((r) => (
                            <option key={r} value={r}>
                              {r}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>{u.lastLoginAt ? format.dateTime(u.lastLoginAt) : <span className="muted">{t('admin.users.never')}</span>}</td>
                      <td className="table__actions">
                        <span className={`badge ${u.isActive ? 'badge--ok' : ''}`}>{u.isActive ? t('admin.users.active') : t('admin.users.inactive')}</span>
                        {u.isActive && (
                          <button
                            type="button"
                            className="btn btn--small"
                            aria-label={t('admin.users.resetOf', { name: u.name })}
                            disabled={locked || reset.isPending}
                            onClick={() =>
                              reset.mutate({ id: u.id }, { onSuccess: ({ resetUserPassword }) => setLink({ link: resetUserPassword, purpose: 'reset' }) })
                            }
                          >
                            {t('admin.users.resetPassword')}
                          </button>
                        )}
                        <button
                          type="button"
                          className="btn btn--small"
                          aria-label={t(u.isActive ? 'admin.users.deactivateOf' : 'admin.users.reactivateOf', { name: u.name })}
                          disabled={locked || update.isPending}
                          onClick={() => update.mutate({ id: u.id, input: { isActive: !u.isActive } })}
                        >
                          {u.isActive ? t('admin.users.deactivate') : t('admin.users.reactivate')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        )}
      </QueryView>
    </section>
  );
}
