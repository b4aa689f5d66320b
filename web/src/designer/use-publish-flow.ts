import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { WorkflowDefinition } from '../../../domain/recipe';
import { useApi } from '../api/hooks';
import { PUBLISH, RECIPES_KEY, recipeKey, SAVE_DRAFT, type WorkflowTemplate } from './recipe-api';

export type FlowStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'publishing' }
  | { kind: 'saved' }
  | { kind: 'published'; version: number | null }
  | { kind: 'failed'; error: unknown };

export interface PublishFlow {
  status: FlowStatus;
  saveDraft(): Promise<boolean>;
  /** Saves unsaved edits first: what gets published is always what is on screen. */
  publish(dirty: boolean): Promise<void>;
  dismiss(): void;
}

/** Save draft and publish, with one status the toolbar can show. */
export function usePublishFlow(templateId: string, definition: WorkflowDefinition, onSaved: () => void): PublishFlow {
  const api = useApi();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<FlowStatus>({ kind: 'idle' });

  const storeTemplate = (saved: WorkflowTemplate) => {
    queryClient.setQueryData(recipeKey(templateId), { workflowTemplate: saved });
    void queryClient.invalidateQueries({ queryKey: RECIPES_KEY, exact: true });
  };

  const save = async (): Promise<boolean> => {
    setStatus({ kind: 'saving' });
    try {
      const data = await api.request(SAVE_DRAFT, { id: templateId, definition });
      storeTemplate(data.saveWorkflowDraft);
      onSaved();
      setStatus({ kind: 'saved' });
      return true;
    } catch (error) {
      setStatus({ kind: 'failed', error });
      return false;
    }
  };

  return {
    status,
    saveDraft: save,
    async publish(dirty) {
      if (dirty && !(await save())) return;
      setStatus({ kind: 'publishing' });
      try {
        const data = await api.request(PUBLISH, { id: templateId });
        storeTemplate(data.publishWorkflowTemplate);
        setStatus({ kind: 'published', version: data.publishWorkflowTemplate.currentVersion });
      } catch (error) {
        setStatus({ kind: 'failed', error });
      }
      // Menus and other screens show the current version and estimate.
      void queryClient.invalidateQueries({ queryKey: ['menu'] });
    },
    dismiss: () => setStatus({ kind: 'idle' }),
  };
}
