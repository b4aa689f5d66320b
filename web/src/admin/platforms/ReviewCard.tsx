import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/errors';
import { useGqlMutation, useGqlQuery } from '../../api/hooks';
import { FormError } from '../../shell/states';
import {
  assignmentsKey,
  ASSIGNMENTS_QUERY,
  PLATFORMS_KEY,
  RESOLVE_PLATFORM_ORDER,
  REVIEW_KEY,
  when,
  type PickableDish,
  type ReviewOrder,
} from './platform-api';
import { checkAccept, checkDeny, REASON_FIELD, relinkNote, unknownProducts, type ReviewAction, type ReviewDraft } from './review-form';

/**
 * One order held because the platform sent dishes we do not know. Each unknown line gets one of our
 * dishes and the order is accepted (and cooked), or it is denied with a reason. CONFLICT / NOT_FOUND
 * mean someone else got there first. Either way the queue refreshes and the outcome goes to `onNotice`,
 * because the card itself leaves the queue.
 */
export function ReviewCard({
  order,
  platformName,
  dishes,
  onNotice,
}: {
  order: ReviewOrder;
  platformName: string;
  dishes: PickableDish[];
  onNotice(message: string): void;
}) {
  const id = useId();
  const client = useQueryClient();
  const resolve = useGqlMutation(RESOLVE_PLATFORM_ORDER, [PLATFORMS_KEY]);
  const [draft, setDraft] = useState<ReviewDraft>({ mappings: {}, reason: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [denying, setDenying] = useState(false);
  const assignments = useGqlQuery(assignmentsKey(order.platformId), ASSIGNMENTS_QUERY, { platformId: order.platformId });
  const products = unknownProducts(order);
  const noteFor = (platformItemId: string) => {
    const menuItemId = draft.mappings[platformItemId];
    return menuItemId ? relinkNote(platformItemId, menuItemId, assignments.data?.platformAssignments ?? []) : null;
  };
  const dishIds = new Set(dishes.map((d) => d.id));

  const submit = (action: ReviewAction) => (e: FormEvent) => {
    e.preventDefault();
    const check = action === 'ACCEPT' ? checkAccept(order, draft, dishIds) : checkDeny(order, draft);
    if (!check.ok) return setErrors(check.errors);
    setErrors({});
    // Not mutate()'s callbacks: the refetched queue unmounts this card first, and they would never run.
    void resolve.mutateAsync({ input: check.input }).then(
      () => onNotice(`Order ${order.platformOrderId} ${action === 'ACCEPT' ? 'accepted: it is on its way to the kitchen' : 'denied'}.`),
      (err: unknown) => {
        if (!(err instanceof ApiError) || (err.code !== 'CONFLICT' && err.code !== 'NOT_FOUND')) return;
        onNotice(`Order ${order.platformOrderId}: ${err.message}`);
        void client.invalidateQueries({ queryKey: REVIEW_KEY });
      },
    );
  };
  const errorId = (key: string) => `${id}-${key}-error`;

  return (
    <article className="card review-card" aria-label={`Order ${order.platformOrderId}`} data-order-id={order.id}>
      <header className="review-card__head">
        <h2>
          {platformName} order <code>{order.platformOrderId}</code>
        </h2>
        <span className="muted">{when(order.createdAt)}</span>
      </header>
      {order.acceptDeadline && (
        <p className="review-card__deadline">
          Accept or deny by <time dateTime={order.acceptDeadline}>{when(order.acceptDeadline)}</time>: the platform cancels it then.
        </p>
      )}
      {order.reviewReason && <p className="muted">{order.reviewReason}</p>}
      <form onSubmit={submit(denying ? 'DENY' : 'ACCEPT')} noValidate>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">On the platform</th>
              <th scope="col" className="num">
                Qty
              </th>
              <th scope="col">Our dish</th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p.platformItemId}>
                <th scope="row">
                  {p.name}
                  <div className="muted">{p.platformItemId}</div>
                </th>
                <td className="num">{p.quantity}</td>
                <td>
                  <select
                    aria-label={`Our dish for ${p.name}`}
                    value={draft.mappings[p.platformItemId] ?? ''}
                    onChange={(e) => setDraft((d) => ({ ...d, mappings: { ...d.mappings, [p.platformItemId]: e.target.value } }))}
                    aria-invalid={Boolean(errors[p.platformItemId]) || undefined}
                    aria-describedby={errors[p.platformItemId] ? errorId(p.platformItemId) : undefined}
                    disabled={denying}
                  >
                    <option value="">Choose…</option>
                    {dishes.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.name}
                        {d.isAvailable ? '' : ' (off)'}
                      </option>
                    ))}
                  </select>
                  {errors[p.platformItemId] && (
                    <small id={errorId(p.platformItemId)} className="field__error">
                      {errors[p.platformItemId]}
                    </small>
                  )}
                  {noteFor(p.platformItemId) && <small className="review-card__note">{noteFor(p.platformItemId)}</small>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {denying ? (
          // Keyed: reusing the clicked "Deny…" <button> as the submit button would submit the form at once.
          <div key="deny" className="inline-form review-card__deny">
            <div className="field">
              <label className="field__label" htmlFor={`${id}-reason`}>
                Reason for the customer
              </label>
              <input
                id={`${id}-reason`}
                value={draft.reason}
                onChange={(e) => setDraft((d) => ({ ...d, reason: e.target.value }))}
                placeholder="e.g. this dish is not on our menu"
                aria-invalid={Boolean(errors[REASON_FIELD]) || undefined}
                aria-describedby={errors[REASON_FIELD] ? errorId(REASON_FIELD) : undefined}
                autoFocus
              />
              {errors[REASON_FIELD] && (
                <small id={errorId(REASON_FIELD)} className="field__error">
                  {errors[REASON_FIELD]}
                </small>
              )}
            </div>
            <button type="submit" className="btn btn--danger" disabled={resolve.isPending}>
              Deny order
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setDenying(false);
                setErrors({});
              }}
            >
              Back
            </button>
          </div>
        ) : (
          <div key="decide" className="btn-row">
            <button type="submit" className="btn btn--primary" disabled={resolve.isPending}>
              Accept with these dishes
            </button>
            <button
              type="button"
              className="btn btn--danger"
              onClick={() => {
                setDenying(true);
                setErrors({});
              }}
            >
              Deny…
            </button>
          </div>
        )}
        <FormError error={resolve.error} />
      </form>
    </article>
  );
}
