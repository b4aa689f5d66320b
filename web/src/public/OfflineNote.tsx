import { useI18n } from '../i18n/LocaleProvider';

/** Shown while the live connection is down: what is on screen may be a little behind. */
export function OfflineNote({ live }: { live: boolean }) {
  const { t } = useI18n();
  return live ? null : (
    <p className="public__offline" role="status">
      {t('customer.reconnecting')}
    </p>
  );
}
