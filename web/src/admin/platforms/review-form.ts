import type { Assignment, ReviewOrder } from './platform-api';

/**
 * Resolving an order held for review: accept once every unknown line names one of our dishes, or
 * deny with a reason the platform passes on to the customer. Pure, so the rules are tested alone;
 * the server checks the same again (BAD_USER_INPUT) and its answer is shown as well.
 */
export type ReviewAction = 'ACCEPT' | 'DENY';

export interface ReviewDraft {
  /** platformItemId → menuItemId ('' while not chosen). */
  mappings: Record<string, string>;
  reason: string;
}

export interface ResolveInput {
  platformOrderId: string;
  action: ReviewAction;
  itemMappings: Array<{ platformItemId: string; menuItemId: string }>;
  reason: string | null;
}

export type ReviewCheck = { ok: true; input: ResolveInput } | { ok: false; errors: Record<string, string> };

export const REASON_FIELD = 'reason';
export const MAX_REASON = 300;

/** One entry per platform product: the same product on two lines needs one choice, not two. */
export function unknownProducts(order: ReviewOrder) {
  const seen = new Map<string, { platformItemId: string; name: string; quantity: number }>();
  for (const item of order.unknownItems) {
    const prev = seen.get(item.platformItemId);
    seen.set(item.platformItemId, {
      platformItemId: item.platformItemId,
      name: prev?.name ?? item.name ?? item.platformItemId,
      quantity: (prev?.quantity ?? 0) + item.quantity,
    });
  }
  return [...seen.values()];
}

export function checkAccept(order: ReviewOrder, draft: ReviewDraft, dishIds: ReadonlySet<string>): ReviewCheck {
  const errors: Record<string, string> = {};
  const itemMappings: ResolveInput['itemMappings'] = [];
  for (const p of unknownProducts(order)) {
    const menuItemId = draft.mappings[p.platformItemId] ?? '';
    if (!menuItemId) errors[p.platformItemId] = `Choose the dish "${p.name}" is`;
    else if (!dishIds.has(menuItemId)) errors[p.platformItemId] = 'That dish is no longer on the menu';
    else itemMappings.push({ platformItemId: p.platformItemId, menuItemId });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { platformOrderId: order.id, action: 'ACCEPT', itemMappings, reason: null } };
}

export function checkDeny(order: ReviewOrder, draft: ReviewDraft): ReviewCheck {
  const reason = draft.reason.trim();
  if (!reason) return { ok: false, errors: { [REASON_FIELD]: 'Say why: the platform shows the customer this reason' } };
  if (reason.length > MAX_REASON) return { ok: false, errors: { [REASON_FIELD]: `Keep the reason under ${MAX_REASON} characters` } };
  return { ok: true, input: { platformOrderId: order.id, action: 'DENY', itemMappings: [], reason } };
}

/**
 * A dish has one item id per platform, so mapping a platform item to a dish that already has one
 * re-links the dish (core/platforms/review-mappings.ts): say so before the person accepts.
 */
export function relinkNote(platformItemId: string, menuItemId: string, assignments: Assignment[]): string | null {
  const current = assignments.find((a) => a.menuItemId === menuItemId);
  if (!current?.platformProductId || current.platformProductId === platformItemId) return null;
  return `${current.menuItemName} is linked to platform item ${current.platformProductId}; accepting links it to ${platformItemId} instead.`;
}
