import { graphql, type ResultOf, type VariablesOf } from '../../api/graphql';

export const WHAT_IF_SETUP_KEY = ['what-if', 'setup'] as const;
/** What the controls offer: the active stations and the dishes on the menu. */
export const WHAT_IF_SETUP = graphql(`
  query WhatIfSetup {
    stations {
      id
      name
      capacity
    }
    menuItems {
      id
      name
    }
  }
`);
export type WhatIfSetup = ResultOf<typeof WHAT_IF_SETUP>;

export const WHAT_IF_QUERY = graphql(`
  query WhatIf($input: WhatIfInput!) {
    whatIf(input: $input) {
      computedAt
      orders {
        orderId
        orderNumber
        customerName
        promisedAt
        currentReadyAt
        whatIfReadyAt
        deltaMinutes
        lateNow
        lateWhatIf
      }
      summary {
        openOrders
        madeLate
        madeOnTime
        later
        earlier
        cannotBeMade
      }
      rush {
        orders
        droppedLines
        firstReadyAt
        lastReadyAt
        cannotBeMade
      }
    }
  }
`);
export type WhatIfAnswer = ResultOf<typeof WHAT_IF_QUERY>['whatIf'];
export type WhatIfInput = VariablesOf<typeof WHAT_IF_QUERY>['input'];
