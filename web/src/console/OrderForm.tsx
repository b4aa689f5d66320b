import { useQueryClient } from '@tanstack/react-query';
import { useId, useReducer, useState, type FormEvent } from 'react';
import type { Fulfillment } from '../../../domain/kitchen/hand-off';
import { ApiError } from '../api/errors';
import { useApi } from '../api/hooks';
import { useI18n } from '../i18n/LocaleProvider';
import { FormError } from '../shell/states';
import { cartReducer, lineProblems, orderItems } from './cart';
import { CartEditor } from './CartEditor';
import { CREATE_ORDER, newIdempotencyKey, type ConsoleOrder } from './console-api';
import { MenuPicker } from './MenuPicker';
import { QuoteBox } from './QuoteBox';
import { useEtaQuote } from './use-eta-quote';

const EMPTY_CUSTOMER = { customerName: '', customerPhone: '', customerAddress: '', notes: '', requestedAt: '' };
type Customer = typeof EMPTY_CUSTOMER;

const FULFILLMENT_CHOICES: readonly Fulfillment[] = ['TAKEAWAY', 'DINE_IN', 'DELIVERY'];

/** The server's message for one field of a refused order, shown under that field. */
function fieldError(error: unknown, path: string): string | null {
  if (!(error instanceof ApiError) || error.code !== 'BAD_USER_INPUT') return null;
  return error.fieldErrors.find((f) => f.path === path)?.message ?? null;
}

/**
 * Taking a phone order: dishes first (the caller starts with what they want), the live quote next
 * to them, then who and where. One idempotency key per order attempt, renewed only after success,
 * so a retried submit returns the same order instead of placing a second one.
 */
export function OrderForm({ onPlaced }: { onPlaced(order: ConsoleOrder): void }) {
  const api = useApi();
  const { t } = useI18n();
  const client = useQueryClient();
  const [lines, dispatch] = useReducer(cartReducer, []);
  const [customer, setCustomer] = useState<Customer>(EMPTY_CUSTOMER);
  const [fulfillment, setFulfillment] = useState<Fulfillment>('TAKEAWAY');
  const id = useId();
  const [key, setKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { quote, error: quoteError, updating } = useEtaQuote(lines);
  const addressError = fieldError(error, 'customerAddress');
  const incomplete = lines.some((l) => lineProblems(l).length > 0);

  const field = (name: keyof Customer) => ({
    value: customer[name],
    onChange: (e: { target: { value: string } }) => setCustomer((c) => ({ ...c, [name]: e.target.value })),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (lines.length === 0 || busy || incomplete) return;
    setBusy(true);
    setError(null);
    const { requestedAt, customerAddress, ...rest } = customer;
    try {
      const input = {
        channel: 'PHONE' as const,
        fulfillment,
        ...rest,
        // Only a delivery goes somewhere: an address typed before switching to takeaway is not sent.
        customerAddress: fulfillment === 'DELIVERY' ? customerAddress : '',
        requestedAt: requestedAt ? new Date(requestedAt).toISOString() : null,
        idempotencyKey: key,
        items: orderItems(lines),
      };
      const { createOrder } = await api.request(CREATE_ORDER, { input });
      dispatch({ type: 'clear' });
      setCustomer(EMPTY_CUSTOMER);
      setFulfillment('TAKEAWAY');
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
    <form className="order-form card" onSubmit={(e) => void submit(e)} aria-label={t('console.formLabel')}>
      <div className="order-form__menu">
        <MenuPicker onAdd={(item) => dispatch({ type: 'add', item })} />
      </div>
      <div className="order-form__order">
        <h2>{t('console.order')}</h2>
        <CartEditor lines={lines} dispatch={dispatch} />
        <QuoteBox
          quote={quote}
          error={quoteError}
          updating={updating}
          requestedAt={customer.requestedAt}
          empty={lines.length === 0}
          delivery={fulfillment === 'DELIVERY'}
        />
        <div className="field-row">
          <label className="field">
            <span>{t('console.customerName')}</span>
            <input name="customerName" autoComplete="off" {...field('customerName')} />
          </label>
          <label className="field">
            <span>{t('console.phone')}</span>
            <input name="customerPhone" type="tel" autoComplete="off" {...field('customerPhone')} />
          </label>
        </div>
        <fieldset className="field fulfillment-choice">
          <legend>{t('console.howItLeaves')}</legend>
          {FULFILLMENT_CHOICES.map((value) => (
            <label key={value} className="fulfillment-choice__option">
              <input type="radio" name="fulfillment" value={value} checked={fulfillment === value} onChange={() => setFulfillment(value)} />
              {t(`console.fulfillment.${value}`)}
            </label>
          ))}
        </fieldset>
        {fulfillment === 'DELIVERY' && (
          <div className="field">
            <label className="field__label" htmlFor={`${id}-address`}>
              {t('console.address')}
            </label>
            <input
              id={`${id}-address`}
              name="customerAddress"
              autoComplete="off"
              {...field('customerAddress')}
              {...(addressError ? { 'aria-invalid': true, 'aria-describedby': `${id}-address-error` } : {})}
            />
            {addressError && (
              <small id={`${id}-address-error`} className="field__error">
                {addressError}
              </small>
            )}
          </div>
        )}
        <div className="field-row">
          <label className="field">
            <span>{t('console.readyBy')}</span>
            <input name="requestedAt" type="datetime-local" {...field('requestedAt')} />
          </label>
          <label className="field">
            <span>{t('console.notes')}</span>
            <input name="notes" autoComplete="off" {...field('notes')} />
          </label>
        </div>
        {!addressError && <FormError error={error} />}
        <button type="submit" className="btn btn--primary btn--block order-form__place" disabled={lines.length === 0 || busy || incomplete}>
          {busy ? t('console.placing') : t('console.place')}
        </button>
      </div>
    </form>
  );
}
