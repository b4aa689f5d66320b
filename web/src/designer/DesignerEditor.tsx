import { useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useReducer } from 'react';
import { parseDefinition, type WorkflowDefinition } from '../../../domain/recipe';
import { DesignerCanvas } from './DesignerCanvas';
import { DesignerToolbar } from './DesignerToolbar';
import { decorateGraph } from './decorate';
import { editorReducer, initialEditorState } from './editor-state';
import { definitionToGraph, graphToDefinition } from './graph-model';
import { EstimatePanel } from './panels/EstimatePanel';
import { IssueList } from './panels/IssueList';
import { PhasePanel } from './panels/PhasePanel';
import { RecipePanel } from './panels/RecipePanel';
import { TaskPanel } from './panels/TaskPanel';
import { VersionHistory } from './panels/VersionHistory';
import { checkRecipe, isGeneralIssue } from './recipe-check';
import type { TemplateVersion, WorkflowTemplate } from './recipe-api';
import { usePublishFlow } from './use-publish-flow';
import { isPhaseNode, isTaskNode } from './types';

interface Props {
  template: WorkflowTemplate;
  definition: WorkflowDefinition;
  /** Undefined while stations load: the station-type check waits rather than flagging every task. */
  stationTypes?: readonly string[];
  learnedMinutes?: Record<string, number>;
  /** Where each learned value came from, in words (use-learned-minutes.ts). */
  learnedNotes?: Record<string, string>;
}

export function DesignerEditor({ template, definition, stationTypes, learnedMinutes, learnedNotes }: Props) {
  const [state, dispatch] = useReducer(editorReducer, definition, (d) => initialEditorState(definitionToGraph(d)));
  const { setCenter, getInternalNode } = useReactFlow();

  const edited = useMemo(() => graphToDefinition(state.graph), [state.graph]);
  // Dragging changes positions on every frame; the check only needs to rerun when the recipe changes.
  const editedJson = JSON.stringify(edited);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- editedJson stands for `edited`'s content
  const check = useMemo(() => checkRecipe(edited, { stationTypes, learnedMinutes }), [editedJson, stationTypes, learnedMinutes]);
  const drawn = useMemo(() => decorateGraph(state.graph, check, learnedMinutes, learnedNotes), [state.graph, check, learnedMinutes, learnedNotes]);

  const flow = usePublishFlow(template.id, edited, () => dispatch({ type: 'saved' }));

  useEffect(() => {
    if (!state.dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.dirty]);

  const selected = drawn.nodes.filter((n) => n.selected);
  const only = selected.length === 1 ? selected[0] : undefined;
  const selectedTask = only && isTaskNode(only) ? only : undefined;
  const selectedPhase = only && isPhaseNode(only) ? only : undefined;

  const restore = (version: TemplateVersion) => {
    const parsed = parseDefinition(version.definition);
    if (!parsed.ok) return;
    if (state.dirty && !window.confirm(`Replace your unsaved changes with version ${version.version}?`)) return;
    dispatch({ type: 'restore', graph: definitionToGraph(parsed.definition) });
  };

  const focusNode = (nodeId: string) => {
    dispatch({ type: 'select', nodeId });
    const node = getInternalNode(nodeId);
    if (node) {
      const { x, y } = node.internals.positionAbsolute;
      void setCenter(x + (node.measured.width ?? 0) / 2, y + (node.measured.height ?? 0) / 2, { zoom: 1, duration: 250 });
    }
  };

  return (
    <div className="designer">
      <DesignerToolbar template={template} state={state} dispatch={dispatch} check={check} flow={flow} stationTypes={stationTypes} />
      <div className="designer__body">
        <DesignerCanvas nodes={drawn.nodes} edges={drawn.edges} layoutVersion={state.layoutVersion} dispatch={dispatch} />
        <aside className="designer__side" aria-label="Recipe details">
          {selectedTask ? (
            <TaskPanel key={selectedTask.id} node={selectedTask} graph={state.graph} stationTypes={stationTypes} dispatch={dispatch} />
          ) : selectedPhase ? (
            <PhasePanel key={selectedPhase.id} node={selectedPhase} graph={state.graph} defaultStationType={stationTypes?.[0] ?? ''} dispatch={dispatch} />
          ) : (
            <RecipePanel graph={state.graph} generalIssues={check.issues.filter(isGeneralIssue)} dispatch={dispatch} />
          )}
          <IssueList issues={check.issues} onSelect={focusNode} />
          <EstimatePanel check={check} graph={state.graph} />
          <VersionHistory versions={template.versions} current={template.currentVersion} onRestore={restore} />
        </aside>
      </div>
    </div>
  );
}
