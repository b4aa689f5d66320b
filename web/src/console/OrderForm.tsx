import { useQueryClient } from '@tanstack/react-query';
import { useReducer, useState, type FormEvent } from 'react';
import { useApi } from '../api/hooks';
import { FormError } from '../shell/states';
import { cartReducer, orderItems } from './cart';
import { CartEditor } from './CartEditor';
import { CREATE_ORDER, newIdempotencyKey, type ConsoleOrder } from './console-api';
import { MenuPicker } from './MenuPicker';
import { QuoteBox } from './QuoteBox';
import { useEtaQuote } from './use-eta-quote';

const EMPTY_CUSTOMER = { customerName: '', customerPhone: '', customerAddress: '', notes: '', requestedAt: '' };
type Customer = typeof EMPTY_CUSTOMER;

/**
 * Taking a phone order: dishes first (the caller starts with what they want), the live quote next
 * to them, then who and where. One idempotency key per order attempt, renewed only after success,
 * so a retried submit returns the same order instead of placing a second one.
 */
export function OrderForm({ onPlaced }: { onPlaced(order: ConsoleOrder): void }) {
  const api = useApi();
  const client = useQueryClient();
  const [lines, dispatch] = useReducer(cartReducer, []);
  const [customer, setCustomer] = useState<Customer>(EMPTY_CUSTOMER);
  const [key, setKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { quote, error: quoteError, updating } = useEtaQuote(lines);

  const field = (name: keyof Customer) => ({
    value: customer[name],
    onChange: (e: { target: { value: string } }) => setCustomer((c) => ({ ...c, [name]: e.target.value })),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (lines.length === 0 || busy) return;
    setBusy(true);
    setError(null);
    const { requestedAt, ...rest } = customer;
    try {
      const input = {
        channel: 'PHONE' as const,
        ...rest,
        requestedAt: requestedAt ? new Date(requestedAt).toISOString() : null,
        idempotencyKey: key,
        items: orderItems(lines),
      };
      const { createOrder } = await api.request(CREATE_ORDER, { input });
      dispatch({ type: 'clear' });
      setCustomer(EMPTY_CUSTOMER);
      setKey(newIdempotencyKey());
      onPlaced(createOrder);
      void client.invalidateQueries({ queryKey: ['orders'] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="order-form card" onSubmit={(e) => void submit(e)} aria-label="New phone order">
      <div className="order-form__menu">
        <MenuPicker onAdd={(item) => dispatch({ type: 'add', item })} />
      </div>
      <div className="order-form__order">
        <h2>Order</h2>
        <CartEditor lines={lines} dispatch={dispatch} />
        <QuoteBox quote={quote} error={quoteError} updating={updating} requestedAt={customer.requestedAt} empty={lines.length === 0} />
        <div className="field-row">
          <label className="field">
            <span>Customer name</span>
            <input name="customerName" autoComplete="off" {...field('customerName')} />
          </label>
          <label className="field">
            <span>Phone</span>
            <input name="customerPhone" type="tel" autoComplete="off" {...field('customerPhone')} />
          </label>
        </div>
        <label className="field">
          <span>Delivery address (empty for pick-up)</span>
          <input name="customerAddress" autoComplete="off" {...field('customerAddress')} />
        </label>
        <div className="field-row">
          <label className="field">
            <span>Ready by (optional)</span>
            <input name="requestedAt" type="datetime-local" {...field('requestedAt')} />
          </label>
          <label className="field">
            <span>Order notes</span>
            <input name="notes" autoComplete="off" {...field('notes')} />
          </label>
        </div>
        <FormError error={error} />
        <button type="submit" className="btn btn--primary btn--block order-form__place" disabled={lines.length === 0 || busy}>
          {busy ? 'Placing…' : 'Place order'}
        </button>
      </div>
    </form>
  );
}
