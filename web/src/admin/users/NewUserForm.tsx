import { useState, type FormEvent } from 'react';
import type { RoleName } from '../../../../contracts/socket-events';
import { useGqlMutation } from '../../api/hooks';
import { FormError } from '../../shell/states';
import { UserIdentityFields } from './UserIdentityFields';
import { CREATE_USER, USERS_KEY } from './user-api';
import { useI18n } from '../../i18n/LocaleProvider';

type Input = { name: string; email: string; role: RoleName; password: string };

export function NewUserForm({ roles, onDone }: { roles: RoleName[]; onDone: () => void }) {
  const create = useGqlMutation(CREATE_USER, [USERS_KEY]);
  const [form, setForm] = useState<Input>({ name: '', email: '', role: 'STAFF', password: '' });
  const { t } = useI18n();
  const set = (patch: Partial<Input>) => setForm((f) => ({ ...f, ...patch }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ input: { ...form, name: form.name.trim(), email: form.email.trim() } }, { onSuccess: onDone });
  };

  return (
    <form className="form-grid" onSubmit={submit} aria-label={t('admin.users.createLabel')}>
      <UserIdentityFields value={form} roles={roles} onChange={set} />
      <label className="field">
        <span>{t('admin.users.initialPassword')}</span>
        <input type="password" value={form.password} onChange={(e) => set({ password: e.target.value })} minLength={10} required autoComplete="new-password" />
      </label>
      <div className="btn-row form-grid__actions">
        <button type="submit" className="btn btn--primary" disabled={create.isPending}>
          {create.isPending ? t('admin.users.creating') : t('admin.users.createLabel')}
        </button>
      </div>
      <FormError error={create.error} />
    </form>
  );
}
