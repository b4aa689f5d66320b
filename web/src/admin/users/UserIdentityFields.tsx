import type { RoleName } from '../../../../contracts/socket-events';
import { useI18n } from '../../i18n/LocaleProvider';

export type UserIdentity = { name: string; email: string; role: RoleName };

/** Name, email and role: what creating a user and inviting one both ask. */
export function UserIdentityFields({ value, roles, onChange }: { value: UserIdentity; roles: RoleName[]; onChange: (patch: Partial<UserIdentity>) => void }) {
  const { t } = useI18n();
  return (
    <>
      <label className="field">
        <span>{t('admin.users.name')}</span>
        <input value={value.name} onChange={(e) => onChange({ name: e.target.value })} required autoComplete="off" />
      </label>
      <label className="field">
        <span>{t('admin.users.email')}</span>
        <input type="email" value={value.email} onChange={(e) => onChange({ email: e.target.value })} required autoComplete="off" />
      </label>
      <label className="field">
        <span>{t('admin.users.role')}</span>
        <select value={value.role} onChange={(e) => onChange({ role: e.target.value as RoleName })}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r} — {t(`admin.users.roleHints.${r}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
