import type { PlatformOrderLine } from './connector';

/**
 * Platform order lines → our menu lines, through the assignments' platformProductId. Pure, so
 * the rule is testable on its own: an unknown product never disappears silently, it makes the
 * whole order "needs review"; a known but unavailable dish is a reason to deny.
 */
export interface AssignmentRef {
  platformProductId: string;
  menuItemId: string;
  menuItemName: string;
  available: boolean;
}

export interface MappedLine {
  menuItemId: string;
  quantity: number;
  notes: string | null;
  /** The platform's modifier names, mapped to the dish's options at intake (core/platforms/map-platform-modifiers.ts). */
  modifierNames: string[];
}

export type MappingResult = { kind: 'ok'; lines: MappedLine[] } | { kind: 'unknown'; unknownProductIds: string[] } | { kind: 'unavailable'; names: string[] };

export function mapOrderLines(lines: PlatformOrderLine[], assignments: AssignmentRef[]): MappingResult {
  const byProduct = new Map(assignments.map((a) => [a.platformProductId, a]));
  const unknown = lines.filter((l) => !byProduct.has(l.productId)).map((l) => l.productId);
  if (unknown.length || lines.length === 0) return { kind: 'unknown', unknownProductIds: unknown };
  const unavailable = lines.map((l) => byProduct.get(l.productId)!).filter((a) => !a.available);
  if (unavailable.length) return { kind: 'unavailable', names: [...new Set(unavailable.map((a) => a.menuItemName))] };
  return {
    kind: 'ok',
    lines: lines.map((l) => ({
      menuItemId: byProduct.get(l.productId)!.menuItemId,
      quantity: l.quantity,
      notes: l.notes ?? null,
      modifierNames: l.modifiers ?? [],
    })),
  };
}

/** Our id on the platform when an assignment has none yet: stable, so re-uploads overwrite. */
export const defaultProductId = (menuItemId: string): string => `brigade-${menuItemId}`;
