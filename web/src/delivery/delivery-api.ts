import { activeFormat } from '../i18n/i18n';
import { graphql, type ResultOf } from '../api/graphql';

// Under 'deliveries': live-cache refetches them on delivery:updated (and order events, for the board).
export const MY_DELIVERIES_KEY = ['deliveries', 'mine'] as const;
export const DISPATCH_BOARD_KEY = ['deliveries', 'board'] as const;

const RiderDeliveryFields = graphql(`
  fragment RiderDeliveryFields on Delivery {
    id
    status
    notes
    readyAt
    deliveredBy
    pickedUpAt
    order {
      id
      orderNumber
      status
      customerName
      customerPhone
      customerAddress
      notes
      items {
        id
        name
        quantity
        modifications
      }
    }
  }
`);
export type RiderDelivery = ResultOf<typeof RiderDeliveryFields>;

export const MY_DELIVERIES_QUERY = graphql(
  `
    query MyDeliveries {
      myDeliveries {
        ...RiderDeliveryFields
      }
    }
  `,
  [RiderDeliveryFields],
);

export const PICKED_UP = graphql(`
  mutation MarkPickedUp($id: ID!) {
    markDeliveryPickedUp(deliveryId: $id) {
      id
      status
    }
  }
`);
export const DELIVERED = graphql(`
  mutation MarkDelivered($id: ID!) {
    markDeliveryDelivered(deliveryId: $id) {
      id
      status
    }
  }
`);
export const FAILED = graphql(`
  mutation MarkFailed($id: ID!, $reason: String!) {
    markDeliveryFailed(deliveryId: $id, reason: $reason) {
      id
      status
    }
  }
`);

export const DISPATCH_BOARD_QUERY = graphql(`
  query DispatchBoard($withinMinutes: Int) {
    dispatchBoard(withinMinutes: $withinMinutes) {
      deliveries {
        id
        status
        readyAt
        deliveredBy
        pickedUpAt
        rider {
          id
          name
        }
        order {
          id
          orderNumber
          status
          customerName
          customerAddress
        }
      }
      later
      riders {
        id
        name
        state
        outSince
        expectedBackAt
        waiting
      }
      suggestedRiderId
      travel {
        minutes
        configuredMinutes
        learnedMinutes
        trips
      }
      withinMinutes
    }
  }
`);
export type DispatchBoard = ResultOf<typeof DISPATCH_BOARD_QUERY>['dispatchBoard'];
export type DispatchDelivery = DispatchBoard['deliveries'][number];
export type DispatchRider = DispatchBoard['riders'][number];

export const ASSIGN_RIDER = graphql(`
  mutation AssignRider($deliveryId: ID!, $riderId: ID!) {
    assignRider(deliveryId: $deliveryId, riderId: $riderId) {
      id
      status
    }
  }
`);
export const UNASSIGN_RIDER = graphql(`
  mutation UnassignRider($deliveryId: ID!) {
    unassignRider(deliveryId: $deliveryId) {
      id
      status
    }
  }
`);
export const UPDATE_DELIVERY_SETTINGS = graphql(`
  mutation UpdateDeliverySettings($travelMinutes: Int!) {
    updateDeliverySettings(input: { travelMinutes: $travelMinutes }) {
      minutes
      configuredMinutes
    }
  }
`);

/** "19:42" in the restaurant's time zone and the active language. */
export function clock(iso: string | null): string {
  if (!iso) return '–';
  return activeFormat().time(iso);
}

/** The phone's maps app: Android and iOS both open this link in their maps app when one is installed. */
export function mapsLink(address: string): string {
  return `https://maps.google.com/?q=${encodeURIComponent(address)}`;
}
