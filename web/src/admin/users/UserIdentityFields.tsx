import type { RoleName } from '../../../../contracts/socket-events';
import { ROLE_HINTS } from './user-api';

export type UserIdentity = { name: string; email: string; role: RoleName };

/** Name, email and role: what creating a user and inviting one both ask. */
export function UserIdentityFields({ value, roles, onChange }: { value: UserIdentity; roles: RoleName[]; onChange: (patch: Partial<UserIdentity>) => void }) {
  return (
    <>
      <label className="field">
        <span>Name</span>
        <input value={value.name} onChange={(e) => onChange({ name: e.target.value })} required autoComplete="off" />
      </label>
      <label className="field">
        <span>Email</span>
        <input type="email" value={value.email} onChange={(e) => onChange({ email: e.target.value })} required autoComplete="off" />
      </label>
      <label className="field">
        <span>Role</span>
        <select value={value.role} onChange={(e) => onChange({ role: e.target.value as RoleName })}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r} — {ROLE_HINTS[r]}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
