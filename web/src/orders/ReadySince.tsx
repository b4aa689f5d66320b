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
  if (!actualReadyAt) return <span className={`ready-since ${className}`}>ready</span>;
  const wait = readyWait(actualReadyAt, now, holdMinutes);
  return (
    <span className={`ready-since ${className}${wait.late ? ' ready-since--late' : ''}`} data-testid="ready-since" title={`Hold time ${holdMinutes} min`}>
      {wait.text}
    </span>
  );
}
