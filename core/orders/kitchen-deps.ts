import type { Actor, KitchenHandle, RealtimeEvents } from '../types';
import { AppError } from '../../contracts/errors';
import type { KitchenResult } from '../../temporal/kitchen-client';
import type { ServiceActor, ServiceOptions } from '../types';

/** Services that drive the kitchen workflows or publish real-time events get these from the context. */
export interface KitchenServiceOptions<Input, A extends ServiceActor = Actor> extends ServiceOptions<Input, A> {
  kitchen: KitchenHandle | null;
  events: RealtimeEvents | null;
}

/**
 * An API started without Temporal cannot cook: say so (in the server log; the client sees the
 * masked internal error) instead of storing orders nobody will ever make.
 */
export function requireKitchen(kitchen: KitchenHandle | null): KitchenHandle {
  if (!kitchen) throw new Error('The kitchen (Temporal) is not configured for this API: orders and KDS actions are unavailable');
  return kitchen;
}

/** A workflow's rejection (CONFLICT / NOT_FOUND with its own clear message) becomes the GraphQL error. */
export function unwrapKitchen<T>(result: KitchenResult<T>): T {
  if (!result.ok) throw new AppError(result.code, result.message, { reason: result.type });
  return result.result;
}

/**
 * The workflows and the Temporal client name what they refuse by its id ("Order 5f0c… is READY",
 * "Order item 5f0c… is already finished"), which means nothing to the people at the counter or
 * the pass: a refusal that names `idSubject` names `name` instead. Anything else passes unchanged.
 */
export function renameSubject<T>(result: KitchenResult<T>, idSubject: string, name: string): KitchenResult<T> {
  return result.ok || !result.message.includes(idSubject) ? result : { ...result, message: result.message.replaceAll(idSubject, name) };
}

/** An order by its number, as the order services that call the workflow have already read it. */
export function nameTheOrder<T>(result: KitchenResult<T>, order: { id: string; orderNumber: number }): KitchenResult<T> {
  return renameSubject(result, `Order ${order.id}`, `Order #${order.orderNumber}`);
}
