import { useState } from 'react';
import { publicUrl } from '../public/public-route';
import { ShareLink } from '../shell/ShareLink';

/** The customer's tracking link of one order, behind a button: copy it, or show its QR code. */
export function TrackingLink({ orderNumber, token }: { orderNumber: number; token: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="tracking-link">
      <button type="button" className="btn btn--small btn--ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide tracking link' : 'Tracking link'}
      </button>
      {open && (
        <ShareLink
          url={publicUrl('track', token)}
          label={`Tracking link of order #${orderNumber}`}
          qrAlt={`QR code of the tracking link of order #${orderNumber}`}
        />
      )}
    </div>
  );
}
