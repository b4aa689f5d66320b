import { useState, type FormEvent } from 'react';
import type { RoleName } from '../../../../contracts/socket-events';
import { useGqlMutation } from '../../api/hooks';
import { FormError } from '../../shell/states';
import { UserIdentityFields } from './UserIdentityFields';
import { INVITE_USER, USERS_KEY, type UserAccessLink } from './user-api';
import { useI18n } from '../../i18n/LocaleProvider';

type Input = { name: string; email: string; role: RoleName };

/** Invites someone by one-time link: they choose their own password, nobody else ever knows it. */
export function InviteUserForm({ roles, onInvited }: { roles: RoleName[]; onInvited: (link: UserAccessLink) => void }) {
  const invite = useGqlMutation(INVITE_USER, [USERS_KEY]);
  const [form, setForm] = useState<Input>({ name: '', email: '', role: 'STAFF' });
  const { t } = useI18n();
  const set = (patch: Partial<Input>) => setForm((f) => ({ ...f, ...patch }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate({ input: { ...form, name: form.name.trim(), email: form.email.trim() } }, { onSuccess: ({ inviteUser }) => onInvited(inviteUser) });
  };

  return (
    <form className="form-grid" onSubmit={submit} aria-label={t('admin.users.inviteLabel')}>
      <UserIdentityFields value={form} roles={roles} onChange={set} />
      <div className="btn-row form-grid__actions">
        <button type="submit" className="btn btn--primary" disabled={invite.isPending}>
          {invite.isPending ? t('admin.users.inviting') : t('admin.users.invite')}
        </button>
      </div>
      <FormError error={invite.error} />
    </form>
  );
}
