import { useI18n } from '../i18n/LocaleProvider';
import { readyWait } from './hand-off';

/** "ready 4 min ago", red and saying so in words once it has waited past the hold time. */
export function ReadySince({
  actualReadyAt,
  now,
  holdMinutes,
  className = '',
}: {
  actualReadyAt: string | null;
  now: number;
  holdMinutes: number;
  className?: string;
}) {
  const { t } = useI18n();
  if (!actualReadyAt) return <span className={`ready-since ${className}`}>{t('orders.ready')}</span>;
  const wait = readyWait(actualReadyAt, now, holdMinutes);
  return (
    <span
      className={`ready-since ${className}${wait.late ? ' ready-since--late' : ''}`}
      data-testid="ready-since"
      title={t('orders.holdTime', { count: holdMinutes })}
    >
      {wait.text}
    </span>
  );
}
