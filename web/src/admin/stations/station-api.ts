export interface Station {
  id: string;
  name: string;
  capacity: number;
  taskTypes: string[];
  isActive: boolean;
  displayOrder: number;
}

export interface StationInput {
  name: string;
  capacity: number;
  taskTypes: string[];
  displayOrder: number;
}

// Every key starting with 'stations' (the designer's station types too) refreshes after a change.
export const STATIONS_KEY = ['stations'] as const;
export const ALL_STATIONS_KEY = ['stations', 'all'] as const;

const FIELDS = 'id name capacity taskTypes isActive displayOrder';
export const STATIONS_QUERY = `query AllStations { stations(includeInactive: true) { ${FIELDS} } }`;
export const CREATE_STATION = `mutation CreateStation($input: CreateStationInput!) { createStation(input: $input) { ${FIELDS} } }`;
export const UPDATE_STATION = `mutation UpdateStation($id: ID!, $input: UpdateStationInput!) { updateStation(id: $id, input: $input) { ${FIELDS} } }`;

/** "Forno, banco  wok" → ["forno", "banco", "wok"]: the API wants lowercase slugs. */
export function parseTaskTypes(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((t) => t.trim().toLowerCase()).filter(Boolean))];
}
