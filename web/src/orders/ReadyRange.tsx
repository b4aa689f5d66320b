import { clock } from './order-timeline-api';

/** " (12:37–12:46)": the range told around a ready time; "learned" when it came from the kitchen's spread. */
export function ReadyRange({ range }: { range: { from: string; to: string; basis?: string } | null | undefined }) {
  if (!range) return null;
  return (
    <span
      className="ready-range muted"
      data-testid="ready-range"
      title={range.basis === 'LEARNED' ? 'Learned from how long this kitchen really takes' : 'A fixed margin'}
    >
      {' '}
      ({clock(range.from)}–{clock(range.to)})
    </span>
  );
}
