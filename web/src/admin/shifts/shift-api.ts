import { graphql, type ResultOf } from '../../api/graphql';

const ShiftFields = graphql(`
  fragment ShiftFields on Shift {
    id
    startsAt
    endsAt
    clockedInAt
    clockedOutAt
    onShiftNow
    user {
      id
      name
      role
    }
    station {
      id
      name
    }
  }
`);
export type Shift = ResultOf<typeof ShiftFields>;

// Every key starting with 'shifts' is refreshed by live-cache on `shift:updated`, and after a change here.
export const SHIFTS_KEY = ['shifts'] as const;
export const weekKey = (weekOf: string) => ['shifts', 'week', weekOf] as const;
export const TODAY_KEY = ['shifts', 'today'] as const;
export const STAFF_KEY = ['shifts', 'staff'] as const;

export const SHIFT_WEEK_QUERY = graphql(
  `
    query ShiftWeek($weekOf: DateTime!) {
      shifts(weekOf: $weekOf) {
        startsAt
        endsAt
        shifts {
          ...ShiftFields
        }
      }
    }
  `,
  [ShiftFields],
);
export type ShiftWeek = ResultOf<typeof SHIFT_WEEK_QUERY>['shifts'];

export const SHIFTS_TODAY_QUERY = graphql(
  `
    query ShiftsToday {
      shiftsToday {
        ...ShiftFields
      }
    }
  `,
  [ShiftFields],
);

/** Who can be planned, and where: the planner's two pick lists. */
export const SHIFT_CHOICES_QUERY = graphql(`
  query ShiftChoices {
    shiftStaff {
      id
      name
      role
    }
    stations {
      id
      name
    }
  }
`);
export type ShiftChoices = ResultOf<typeof SHIFT_CHOICES_QUERY>;

export const CREATE_SHIFT = graphql(
  `
    mutation CreateShift($input: CreateShiftInput!) {
      createShift(input: $input) {
        ...ShiftFields
      }
    }
  `,
  [ShiftFields],
);

export const DELETE_SHIFT = graphql(`
  mutation DeleteShift($id: ID!) {
    deleteShift(id: $id) {
      id
    }
  }
`);
