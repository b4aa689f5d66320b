/**
 * What the public pages read (GET /public/board/:token, /public/track/:token), shared by the API
 * and the web app. Nothing here names a person beyond a rider's first name, or a price, an
 * address, a phone, a station or another order.
 */

/** How the page speaks: the restaurant's default language (en, it) and its IANA time zone (null: the browser's). */
export type PageSettings = { locale: 'en' | 'it'; timeZone: string | null };

/** The pickup board: order numbers only, in two columns. */
export type BoardView = { preparing: number[]; ready: number[]; page: PageSettings };

/** Where an order stands, in the customer's words (not the kitchen's statuses). */
export type TrackingStage =
  'received' | 'preparing' | 'ready' | 'picked_up' | 'served' | 'out_for_delivery' | 'delivered' | 'delivery_failed' | 'cancelled' | 'closed';

export type TrackingView = {
  orderNumber: number;
  /** Delivered by a rider (else collected or served): which steps the page shows. */
  delivery: boolean;
  stage: TrackingStage;
  /** While the kitchen works on it: when it should be ready, as a range (ISO times). */
  eta: { from: string; to: string } | null;
  /** When it was ready, once it is. */
  readyAt: string | null;
  items: Array<{ name: string; quantity: number }>;
  /** The rider's first name, once the order is out with one. */
  rider: { firstName: string } | null;
  page: PageSettings;
};

/** Every refusal of a public endpoint: 404 NOT_FOUND (or 429 RATE_LIMITED), nothing more. */
export type PublicError = { error: { code: 'NOT_FOUND' | 'RATE_LIMITED'; message: string } };
