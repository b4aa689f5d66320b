import { graphql, type ResultOf } from '../api/graphql';

// Keys start with 'shifts': live-cache refetches them on `shift:updated`.
export const MY_SHIFTS_KEY = ['shifts', 'mine'] as const;
export const staffingKey = (stationId: string) => ['shifts', 'staffing', stationId] as const;

const MyShiftFields = graphql(`
  fragment MyShiftFields on Shift {
    id
    startsAt
    endsAt
    clockedInAt
    clockedOutAt
    station {
      id
      name
    }
  }
`);
export type MyShift = ResultOf<typeof MyShiftFields>;

export const MY_SHIFTS_QUERY = graphql(
  `
    query MyShifts {
      myShifts {
        ...MyShiftFields
      }
    }
  `,
  [MyShiftFields],
);

export const CLOCK_IN = graphql(
  `
    mutation ClockIn($shiftId: ID) {
      clockIn(shiftId: $shiftId) {
        ...MyShiftFields
      }
    }
  `,
  [MyShiftFields],
);

export const CLOCK_OUT = graphql(
  `
    mutation ClockOut($shiftId: ID) {
      clockOut(shiftId: $shiftId) {
        ...MyShiftFields
      }
    }
  `,
  [MyShiftFields],
);

export const STATION_STAFFING_QUERY = graphql(`
  query StationStaffing($id: ID!) {
    station(id: $id) {
      id
      staffing {
        followsShifts
        onShiftNow
        capacityNow
        staffedFrom
      }
    }
  }
`);
export type StationStaffing = ResultOf<typeof STATION_STAFFING_QUERY>['station']['staffing'];
