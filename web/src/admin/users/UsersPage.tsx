import { useState } from 'react';
import { PageHeader } from '../../shell/page';
import type { RoleName } from '../../../../contracts/socket-events';
import { useGqlMutation, useGqlQuery } from '../../api/hooks';
import { useRequiredSession } from '../../auth/AuthContext';
import { FormError, QueryView } from '../../shell/states';
import { AccessLinkNotice } from './AccessLinkNotice';
import { InviteUserForm } from './InviteUserForm';
import { NewUserForm } from './NewUserForm';
import { assignableRoles, RESET_USER_PASSWORD, UPDATE_USER, USERS_KEY, USERS_QUERY, type UserAccessLink } from './user-api';

export function UsersPage() {
  const session = useRequiredSession();
  const users = useGqlQuery(USERS_KEY, USERS_QUERY);
  const update = useGqlMutation(UPDATE_USER, [USERS_KEY]);
  const reset = useGqlMutation(RESET_USER_PASSWORD);
  const [formKey, setFormKey] = useState(0);
  const [link, setLink] = useState<{ link: UserAccessLink; purpose: 'invite' | 'reset' } | null>(null);
  const roles = assignableRoles(session.user.role);

  return (
    <section className="page">
      <PageHeader
        title="Users and roles"
        lead="Deactivating someone ends their sessions and closes their open screens at once (an access token already issued lasts at most its 15 minutes)."
      />
      {link && <AccessLinkNotice link={link.link} purpose={link.purpose} onClose={() => setLink(null)} />}
      <details className="card" open>
        <summary>Invite someone</summary>
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
        <summary>New user with a password you choose</summary>
        <NewUserForm key={formKey} roles={roles} onDone={() => setFormKey((k) => k + 1)} />
      </details>
      <FormError error={update.error ?? reset.error} />
      <QueryView query={users}>
        {({ users: list }) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">Status</th>
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
                        {u.name} {self && <span className="muted">(you)</span>}
                      </th>
                      <td>{u.email}</td>
                      <td>
                        <select
                          aria-label={`Role of ${u.name}`}
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
                      <td>{u.lastLoginAt ? new Date(u.lastLoginAt).toLocaleString() : <span className="muted">never</span>}</td>
                      <td className="table__actions">
                        <span className={`badge ${u.isActive ? 'badge--ok' : ''}`}>{u.isActive ? 'active' : 'inactive'}</span>
                        {u.isActive && (
                          <button
                            type="button"
                            className="btn btn--small"
                            aria-label={`Reset password of ${u.name}`}
                            disabled={locked || reset.isPending}
                            onClick={() =>
                              reset.mutate({ id: u.id }, { onSuccess: ({ resetUserPassword }) => setLink({ link: resetUserPassword, purpose: 'reset' }) })
                            }
                          >
                            Reset password
                          </button>
                        )}
                        <button
                          type="button"
                          className="btn btn--small"
                          aria-label={`${u.isActive ? 'Deactivate' : 'Reactivate'} ${u.name}`}
                          disabled={locked || update.isPending}
                          onClick={() => update.mutate({ id: u.id, input: { isActive: !u.isActive } })}
                        >
                          {u.isActive ? 'Deactivate' : 'Reactivate'}
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
