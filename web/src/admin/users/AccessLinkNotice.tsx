import { useState } from 'react';
import { welcomeUrl } from '../../auth/access-link-api';
import type { UserAccessLink } from './user-api';
import { useI18n } from '../../i18n/LocaleProvider';

/**
 * A one-time link, shown once (only its hash is stored): the admin copies it to the person by
 * whatever channel they use; no mail server is involved.
 */
export function AccessLinkNotice({ link, purpose, onClose }: { link: UserAccessLink; purpose: 'invite' | 'reset'; onClose: () => void }) {
  const url = welcomeUrl(link.token);
  const [copied, setCopied] = useState(false);
  const { t, format } = useI18n();
  const copy = () => {
    void navigator.clipboard?.writeText(url).then(() => setCopied(true));
  };
  return (
    <div className="card notice" role="status" aria-label={t('admin.users.linkFor', { name: link.user.name })}>
      <p>
        {purpose === 'invite' ? t('admin.users.invited', { name: link.user.name }) : t('admin.users.resetFor', { name: link.user.name })}{' '}
        {t('admin.users.sendLink', { until: format.dateTime(link.expiresAt) })}
      </p>
      <p>
        <input className="access-link" readOnly value={url} aria-label={t('admin.users.oneTimeLink')} onFocus={(e) => e.target.select()} />
      </p>
      <div className="btn-row">
        <button type="button" className="btn btn--small" onClick={copy}>
          {copied ? t('admin.users.copied') : t('admin.users.copyLink')}
        </button>
        <button type="button" className="btn btn--small" onClick={onClose}>
          {t('admin.users.done')}
        </button>
      </div>
    </div>
  );
}
