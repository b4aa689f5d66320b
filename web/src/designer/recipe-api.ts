/** GraphQL documents and shapes for recipes (workflow templates). Decimals arrive as strings. */

export interface TemplateVersion {
  version: number;
  publishedAt: string;
  estimatedTotalMinutes: number | null;
  /** The frozen recipe JSON of this version. */
  definition: unknown;
}

export interface WorkflowTemplate {
  id: string;
  name: string;
  category: string | null;
  /** The editable draft, as stored (snake_case recipe JSON). */
  definition: unknown;
  currentVersion: number | null;
  /** Critical-path minutes of the saved draft. */
  estimatedTotalMinutes: number | null;
  /** Newest first. */
  versions: TemplateVersion[];
}

export interface RecipeSummary {
  id: string;
  name: string;
  category: string | null;
  currentVersion: number | null;
  estimatedTotalMinutes: number | null;
  versions: Array<{ version: number }>;
}

export const RECIPES_KEY = ['recipes'] as const;
export const recipeKey = (id: string) => ['recipes', id] as const;
export const STATION_TYPES_KEY = ['stations', 'types'] as const;

const TEMPLATE_FIELDS = `id name category definition currentVersion estimatedTotalMinutes
  versions { version publishedAt estimatedTotalMinutes definition }`;

export const RECIPES_QUERY = `query Recipes {
  workflowTemplates { id name category currentVersion estimatedTotalMinutes versions { version } }
}`;

export const RECIPE_QUERY = `query Recipe($id: ID!) { workflowTemplate(id: $id) { ${TEMPLATE_FIELDS} } }`;

export const CREATE_RECIPE = `mutation CreateWorkflowTemplate($input: CreateWorkflowTemplateInput!) {
  createWorkflowTemplate(input: $input) { id }
}`;

export const SAVE_DRAFT = `mutation SaveWorkflowDraft($id: ID!, $definition: JSON!) {
  saveWorkflowDraft(id: $id, definition: $definition) { ${TEMPLATE_FIELDS} }
}`;

export const PUBLISH = `mutation PublishWorkflowTemplate($id: ID!) { publishWorkflowTemplate(id: $id) { ${TEMPLATE_FIELDS} } }`;

export const STATION_TYPES_QUERY = `query StationTypes { stations { id taskTypes isActive } }`;

export interface StationTypesData {
  stations: Array<{ id: string; taskTypes: string[]; isActive: boolean }>;
}

/** The task types a recipe may use: whatever the tenant's active stations handle, sorted, once each. */
export function stationTypesOf(data: StationTypesData): string[] {
  return [...new Set(data.stations.filter((s) => s.isActive).flatMap((s) => s.taskTypes))].sort();
}

export const minutes = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${Math.round(value * 10) / 10} min`;

/** A new recipe must already be valid on the server, so it starts as one phase with one task. */
export function starterDefinition(stationType: string) {
  return {
    phases: [
      {
        id: 'phase_1',
        name: 'Preparation',
        order: 1,
        tasks: [{ id: 'task_1', name: 'First step', station_type: stationType, estimated_minutes: 5, depends_on: [], subtasks: [] }],
      },
    ],
  };
}
