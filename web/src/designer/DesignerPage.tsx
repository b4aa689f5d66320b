import { ReactFlowProvider } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { parseDefinition } from '../../../domain/recipe';
import { useGqlQuery } from '../api/hooks';
import { Link } from '../router/router';
import { Empty, QueryView } from '../shell/states';
import { DesignerEditor } from './DesignerEditor';
import { isNarrowScreen, NarrowScreenNotice } from './NarrowScreenNotice';
import { RECIPE_QUERY, recipeKey, STATION_TYPES_KEY, STATION_TYPES_QUERY, stationTypesOf } from './recipe-api';
import { useLearnedMinutes } from './use-learned-minutes';

const notFound = (
  <Empty title="This recipe does not exist.">
    <Link to="/designer">Back to recipes</Link>
  </Empty>
);

export function DesignerPage({ templateId }: { templateId: string }) {
  const recipe = useGqlQuery(recipeKey(templateId), RECIPE_QUERY, { id: templateId });
  const stations = useGqlQuery(STATION_TYPES_KEY, STATION_TYPES_QUERY);
  const stationTypes = useMemo(() => (stations.data ? stationTypesOf(stations.data) : undefined), [stations.data]);
  const learned = useLearnedMinutes(templateId);
  // Decided once on opening: a resize must not unmount the editor and lose unsaved edits.
  const [narrow] = useState(isNarrowScreen);

  return (
    <QueryView query={recipe} loadingLabel="Loading recipe…" notFound={notFound}>
      {({ workflowTemplate: template }) => {
        // The stored draft is parsed with the server's schema first, which also fills in defaults
        // (missing subtasks, optional flags), so the editor always starts from a complete definition.
        const parsed = parseDefinition(template.definition ?? { phases: [] });
        if (!parsed.ok) {
          return (
            <Empty title="The stored draft of this recipe is malformed and cannot be drawn.">
              <ul>
                {parsed.issues.map((i) => (
                  <li key={i.message}>{i.message}</li>
                ))}
              </ul>
            </Empty>
          );
        }
        if (narrow) return <NarrowScreenNotice name={template.name} definition={parsed.definition} />;
        return (
          <ReactFlowProvider>
            <DesignerEditor
              key={template.id}
              template={template}
              definition={parsed.definition}
              stationTypes={stationTypes}
              learnedMinutes={learned?.minutes}
              learnedNotes={learned?.notes}
            />
          </ReactFlowProvider>
        );
      }}
    </QueryView>
  );
}
