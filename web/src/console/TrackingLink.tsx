import { useState } from 'react';
import { publicUrl } from '../public/public-route';
import { ShareLink } from '../shell/ShareLink';
import { useI18n } from '../i18n/LocaleProvider';

/** The customer's tracking link of one order, behind a button: copy it, or show its QR code. */
export function TrackingLink({ orderNumber, token }: { orderNumber: number; token: string }) {
  const [open, setOpen] = useState(false);
  const { t } = useI18n();
  return (
    <div className="tracking-link">
      <button type="button" className="btn btn--small btn--ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('console.trackingHide') : t('console.trackingShow')}
      </button>
      {open && (
        <ShareLink url={publicUrl('track', token)} label={t('console.trackingLabel', { orderNumber })} qrAlt={t('console.trackingQr', { orderNumber })} />
      )}
    </div>
  );
}
