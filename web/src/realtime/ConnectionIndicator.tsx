import { useConnectionStatus } from './RealtimeProvider';
import { useI18n } from '../i18n/LocaleProvider';

/** Always visible in the header: a cook must know when the screen stopped being live. */
export function ConnectionIndicator() {
  const status = useConnectionStatus();
  const { t } = useI18n();
  return (
    <span className={`conn conn--${status}`} role="status" aria-live="polite" data-status={status}>
      <span className="conn__dot" aria-hidden="true" />
      {t(`connection.${status}`)}
    </span>
  );
}
