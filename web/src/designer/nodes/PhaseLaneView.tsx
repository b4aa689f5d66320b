import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { PhaseNode } from '../types';

/** A phase drawn as a swimlane; its tasks are child nodes positioned inside it. */
function PhaseLaneView({ data, selected }: NodeProps<PhaseNode>) {
  const { phase, mark, deductsInventory } = data;
  return (
    <div className="lane" data-phase-id={phase.id} data-issue={mark?.severity} aria-selected={selected}>
      <div className="lane__label" title={mark ? mark.messages.join('\n') : undefined}>
        <span className="lane__name">{phase.name}</span>
        <span className="muted lane__id">{phase.id}</span>
        {deductsInventory && <span className="chip chip--stock">deducts stock</span>}
        {mark && <span className={`lane__issue lane__issue--${mark.severity}`}>{mark.messages[0]}</span>}
      </div>
    </div>
  );
}

export default memo(PhaseLaneView);
