import { useState, type Dispatch } from 'react';
import { ApiError, describeError } from '../api/errors';
import { useRequiredSession } from '../auth/AuthContext';
import { allowed } from '../auth/roles';
import { Link } from '../router/router';
import { ConfirmBar } from '../shell/page';
import type { EditorAction, EditorState } from './editor-state';
import { sortedLanes } from './layout';
import { minutes, type WorkflowTemplate } from './recipe-api';
import type { RecipeCheck } from './recipe-check';
import { isPhaseNode } from './types';
import type { PublishFlow } from './use-publish-flow';
import { PutOnMenuForm } from './PutOnMenuForm';

interface Props {
  template: WorkflowTemplate;
  state: EditorState;
  dispatch: Dispatch<EditorAction>;
  check: RecipeCheck;
  flow: PublishFlow;
  stationTypes?: readonly string[];
}

export function DesignerToolbar({ template, state, dispatch, check, flow, stationTypes }: Props) {
  const role = useRequiredSession().user.role;
  const canPublish = allowed(role, 'recipes:publish');
  // Only a published recipe can cook orders, so only then is it offered to the menu.
  const canPutOnMenu = allowed(role, 'menu:write') && template.currentVersion != null;
  const [confirming, setConfirming] = useState(false);
  const [puttingOnMenu, setPuttingOnMenu] = useState(false);
  const busy = flow.status.kind === 'saving' || flow.status.kind === 'publishing';
  const blocked = check.errorCount > 0;
  const blockedWhy = blocked ? `Fix ${check.errorCount} error${check.errorCount === 1 ? '' : 's'} first` : undefined;

  // New tasks go where the manager is looking: the selected lane, the selected task's lane, else the first.
  const selected = state.graph.nodes.find((n) => n.selected);
  const lane = selected ? (isPhaseNode(selected) ? selected.id : selected.parentId) : sortedLanes(state.graph.nodes)[0]?.id;

  return (
    <header className="designer__bar">
      <div className="designer__title">
        <Link to="/designer" className="muted">
          Recipes
        </Link>
        <h1>{template.name}</h1>
        <span className="badge">{template.currentVersion ? `v${template.currentVersion} live` : 'never published'}</span>
        {template.category && <span className="muted">{template.category}</span>}
        <span className="muted">Saved draft: {minutes(template.estimatedTotalMinutes)}</span>
      </div>
      <div className="btn-row" role="toolbar" aria-label="Designer actions">
        <button type="button" className="btn" onClick={() => dispatch({ type: 'addPhase' })}>
          Add phase
        </button>
        <button
          type="button"
          className="btn"
          disabled={!lane}
          onClick={() => lane && dispatch({ type: 'addTask', phaseId: lane.slice('phase:'.length), stationType: stationTypes?.[0] ?? '' })}
        >
          Add task
        </button>
        <button type="button" className="btn" onClick={() => dispatch({ type: 'layout' })}>
          Auto-layout
        </button>
        <span className="designer__status" role="status" aria-live="polite">
          {statusText(flow, state.dirty)}
        </span>
        <button type="button" className="btn" disabled={!state.dirty || busy || blocked} title={blockedWhy} onClick={() => void flow.saveDraft()}>
          Save draft
        </button>
        {canPublish && (
          <button type="button" className="btn btn--primary" disabled={busy || blocked} title={blockedWhy} onClick={() => setConfirming(true)}>
            Publish…
          </button>
        )}
        {canPutOnMenu && (
          <button type="button" className="btn" onClick={() => setPuttingOnMenu(true)} disabled={puttingOnMenu}>
            Put on the menu…
          </button>
        )}
      </div>
      {puttingOnMenu && <PutOnMenuForm template={template} onClose={() => setPuttingOnMenu(false)} />}
      {confirming && (
        <ConfirmBar
          title={`Publish as version ${(template.currentVersion ?? 0) + 1}?`}
          confirmLabel="Publish"
          tone="primary"
          autoFocus
          onConfirm={() => {
            setConfirming(false);
            void flow.publish(state.dirty);
          }}
          onCancel={() => setConfirming(false)}
        >
          New orders will use it right away. Orders already in progress keep the version they started with.
          {state.dirty && ' Your unsaved changes are saved first.'}
        </ConfirmBar>
      )}
      {flow.status.kind === 'failed' && <FlowError error={flow.status.error} onDismiss={flow.dismiss} />}
    </header>
  );
}

function statusText(flow: PublishFlow, dirty: boolean): string {
  switch (flow.status.kind) {
    case 'saving':
      return 'Saving…';
    case 'publishing':
      return 'Publishing…';
    case 'published':
      return `Published version ${flow.status.version ?? ''}. Orders in progress keep their version.`;
    default:
      return dirty ? 'Unsaved changes' : flow.status.kind === 'saved' ? 'Draft saved' : 'No unsaved changes';
  }
}

/** The server re-validates on save; if it disagrees with the editor, its issues are listed as-is. */
function FlowError({ error, onDismiss }: { error: unknown; onDismiss: () => void }) {
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div className="banner banner--error" role="alert">
      <p>{describeError(error)}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((i, k) => (
            <li key={k}>{i.message}</li>
          ))}
        </ul>
      )}
      <button type="button" className="btn btn--small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
