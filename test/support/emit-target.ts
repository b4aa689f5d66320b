import type { ServerEventName } from '../../contracts/socket-events';
import type { EventPublisher } from '../../events/event-publisher';

/** An event for a child API process to publish (test/support/api-node-process.ts). */
export type ApiNodeEmit = {
  type: 'emit';
  id: string;
  to: 'tenant' | 'station' | 'tenantAndStation';
  tenantId: string;
  stationId?: string;
  event: ServerEventName;
  payload: unknown;
};

/** The publisher's rooms an emit names: the tenant, a station, or both in one broadcast. */
export function roomsOf(publisher: EventPublisher, target: Pick<ApiNodeEmit, 'to' | 'tenantId' | 'stationId'>) {
  if (target.to === 'tenant') return publisher.toTenant(target.tenantId);
  if (target.to === 'station') return publisher.toStation(target.tenantId, target.stationId!);
  return publisher.toTenantAndStation(target.tenantId, target.stationId!);
}
