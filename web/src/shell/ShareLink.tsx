import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';

/**
 * A link to hand out: its text, a copy button and its QR code. The Clipboard API exists only in
 * a secure context (not a tablet on the kitchen LAN over http), so copying falls back to
 * selecting the text field and the browser's copy command.
 */
export function ShareLink({ url, label, qrAlt }: { url: string; label: string; qrAlt: string }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const [qr, setQr] = useState<string | null>(null);
  const [showQr, setShowQr] = useState(false);

  useEffect(() => {
    if (!showQr) return;
    let current = true;
    QRCode.toDataURL(url, { margin: 1, width: 240 }).then(
      (data) => current && setQr(data),
      () => current && setQr(null),
    );
    return () => {
      current = false;
    };
  }, [url, showQr]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      field.current?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  };

  return (
    <div className="share-link">
      <input ref={field} className="share-link__field" value={url} readOnly onFocus={(e) => e.currentTarget.select()} aria-label={label} />
      <div className="btn-row">
        <button type="button" className="btn btn--small" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
        <button type="button" className="btn btn--small" aria-expanded={showQr} onClick={() => setShowQr(!showQr)}>
          {showQr ? 'Hide QR code' : 'QR code'}
        </button>
      </div>
      {showQr && qr && <img className="share-link__qr" src={qr} alt={qrAlt} width={240} height={240} />}
    </div>
  );
}
