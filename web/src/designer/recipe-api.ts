import { graphql, type ResultOf } from '../api/graphql';

/** GraphQL documents and shapes for recipes (workflow templates). Decimals arrive as strings. */

// definition: the editable draft as stored (snake_case recipe JSON); estimatedTotalMinutes: the
// critical-path minutes of the saved draft; versions: newest first, each with its frozen recipe JSON.
const TemplateFields = graphql(`
  fragment TemplateFields on WorkflowTemplate {
    id
    name
    category
    definition
    currentVersion
    estimatedTotalMinutes
    versions {
      version
      publishedAt
      estimatedTotalMinutes
      definition
    }
  }
`);
export type WorkflowTemplate = ResultOf<typeof TemplateFields>;
export type TemplateVersion = WorkflowTemplate['versions'][number];

export const RECIPES_KEY = ['recipes'] as const;
export const recipeKey = (id: string) => ['recipes', id] as const;
export const STATION_TYPES_KEY = ['stations', 'types'] as const;

export const RECIPES_QUERY = graphql(`
  query Recipes {
    workflowTemplates {
      id
      name
      category
      currentVersion
      estimatedTotalMinutes
      versions {
        version
      }
    }
  }
`);
export type RecipeSummary = ResultOf<typeof RECIPES_QUERY>['workflowTemplates'][number];

export const RECIPE_QUERY = graphql(
  `
    query Recipe($id: ID!) {
      workflowTemplate(id: $id) {
        ...TemplateFields
      }
    }
  `,
  [TemplateFields],
);

export const CREATE_RECIPE = graphql(`
  mutation CreateWorkflowTemplate($input: CreateWorkflowTemplateInput!) {
    createWorkflowTemplate(input: $input) {
      id
    }
  }
`);

export const SAVE_DRAFT = graphql(
  `
    mutation SaveWorkflowDraft($id: ID!, $definition: JSON!) {
      saveWorkflowDraft(id: $id, definition: $definition) {
        ...TemplateFields
      }
    }
  `,
  [TemplateFields],
);

export const PUBLISH = graphql(
  `
    mutation PublishWorkflowTemplate($id: ID!) {
      publishWorkflowTemplate(id: $id) {
        ...TemplateFields
      }
    }
  `,
  [TemplateFields],
);

export const STATION_TYPES_QUERY = graphql(`
  query StationTypes {
    stations {
      id
      taskTypes
      isActive
    }
  }
`);

export type StationTypesData = ResultOf<typeof STATION_TYPES_QUERY>;

/** The task types a recipe may use: whatever the tenant's active stations handle, sorted, once each. */
export function stationTypesOf(data: StationTypesData): string[] {
  return [...new Set(data.stations.filter((s) => s.isActive).flatMap((s) => s.taskTypes))].sort();
}

export const minutes = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : `${Math.round(value * 10) / 10} min`);

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
