import { useState } from 'react';
import { PageHeader } from '../../shell/page';
import type { RoleName } from '../../../../contracts/socket-events';
import { useGqlMutation, useGqlQuery } from '../../api/hooks';
import { useRequiredSession } from '../../auth/AuthContext';
import { FormError, QueryView } from '../../shell/states';
import { NewUserForm } from './NewUserForm';
import { assignableRoles, UPDATE_USER, USERS_KEY, USERS_QUERY } from './user-api';

export function UsersPage() {
  const session = useRequiredSession();
  const users = useGqlQuery(USERS_KEY, USERS_QUERY);
  const update = useGqlMutation(UPDATE_USER, [USERS_KEY]);
  const [formKey, setFormKey] = useState(0);
  const roles = assignableRoles(session.user.role);

  return (
    <section className="page">
      <PageHeader title="Users and roles" lead="Deactivating someone signs them out everywhere within one token lifetime." />
      <details className="card">
        <summary>New user</summary>
        <NewUserForm key={formKey} roles={roles} onDone={() => setFormKey((k) => k + 1)} />
      </details>
      <FormError error={update.error} />
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
                        <button
                          type="button"
                          className="btn btn--small"
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
