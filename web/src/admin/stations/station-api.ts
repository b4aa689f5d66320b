import { graphql, type ResultOf } from '../../api/graphql';

const StationFields = graphql(`
  fragment StationFields on Station {
    id
    name
    capacity
    taskTypes
    isActive
    displayOrder
    learnedPace {
      pace
      samples
    }
    learnedPickupDelay {
      seconds
      samples
    }
  }
`);
export type Station = ResultOf<typeof StationFields>;

/** What the station form edits: a whole CreateStationInput, also sent as an update. */
export interface StationInput {
  name: string;
  capacity: number;
  taskTypes: string[];
  displayOrder: number;
}

// Every key starting with 'stations' (the designer's station types too) refreshes after a change.
export const STATIONS_KEY = ['stations'] as const;
export const ALL_STATIONS_KEY = ['stations', 'all'] as const;

export const STATIONS_QUERY = graphql(
  `
    query AllStations {
      stations(includeInactive: true) {
        ...StationFields
      }
    }
  `,
  [StationFields],
);
export const CREATE_STATION = graphql(
  `
    mutation CreateStation($input: CreateStationInput!) {
      createStation(input: $input) {
        ...StationFields
      }
    }
  `,
  [StationFields],
);
export const UPDATE_STATION = graphql(
  `
    mutation UpdateStation($id: ID!, $input: UpdateStationInput!) {
      updateStation(id: $id, input: $input) {
        ...StationFields
      }
    }
  `,
  [StationFields],
);

/** "×1.5 (42)": how much longer than the recipes the station takes, over that many plausible durations; "—" before any. */
export function paceLabel(pace: Station['learnedPace']): string {
  return pace ? `×${pace.pace.toFixed(2)} (${pace.samples})` : '—';
}

/** "25 s (40)" or "2.5 min (40)": how long a ticket with a free slot waits for a cook, over that many tickets; "—" before any. */
export function pickupLabel(delay: Station['learnedPickupDelay']): string {
  if (!delay) return '—';
  const time = delay.seconds < 90 ? `${Math.round(delay.seconds)} s` : `${(delay.seconds / 60).toFixed(1)} min`;
  return `${time} (${delay.samples})`;
}

/** "Forno, banco  wok" → ["forno", "banco", "wok"]: the API wants lowercase slugs. */
export function parseTaskTypes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}
