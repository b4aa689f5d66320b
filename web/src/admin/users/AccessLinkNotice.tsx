import { useState } from 'react';
import { welcomeUrl } from '../../auth/access-link-api';
import type { UserAccessLink } from './user-api';

/**
 * A one-time link, shown once (only its hash is stored): the admin copies it to the person by
 * whatever channel they use; no mail server is involved.
 */
export function AccessLinkNotice({ link, purpose, onClose }: { link: UserAccessLink; purpose: 'invite' | 'reset'; onClose: () => void }) {
  const url = welcomeUrl(link.token);
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(url).then(() => setCopied(true));
  };
  return (
    <div className="card notice" role="status" aria-label={`One-time link for ${link.user.name}`}>
      <p>
        {purpose === 'invite' ? `${link.user.name} is invited.` : `Password reset for ${link.user.name}.`} Send them this link: it works once, until{' '}
        {new Date(link.expiresAt).toLocaleString()}, and cannot be shown again.
      </p>
      <p>
        <input className="access-link" readOnly value={url} aria-label="One-time link" onFocus={(e) => e.target.select()} />
      </p>
      <div className="btn-row">
        <button type="button" className="btn btn--small" onClick={copy}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
        <button type="button" className="btn btn--small" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
