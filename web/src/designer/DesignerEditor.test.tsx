/** @jest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import type { WorkflowDefinition } from '../../../domain/recipe';
import type { Api } from '../api/client';
import { ApiContext } from '../api/hooks';
import { AuthClient } from '../auth/auth-client';
import { AuthContext } from '../auth/AuthContext';
import { fakeApi } from '../test-support/fake-api';
import { installReactFlowEnv } from '../test-support/react-flow-env';
import { cyclic, pizzaWithSalad, STATION_TYPES } from '../test-support/recipes';
import { DesignerEditor } from './DesignerEditor';
import type { WorkflowTemplate } from './recipe-api';

installReactFlowEnv();

/**
 * The API is replaced by a recorder here: these tests are about what the editor shows and sends.
 * Saving against the real server is covered by the end-to-end designer test.
 */
function recordingApi(answer: (query: string, variables: Record<string, unknown>) => unknown) {
  const calls: Array<{ query: string; variables: Record<string, unknown> }> = [];
  const api = fakeApi((query, variables) => {
    calls.push({ query, variables });
    return answer(query, variables);
  });
  return { api, calls };
}

function template(definition: WorkflowDefinition, extra: Partial<WorkflowTemplate> = {}): WorkflowTemplate {
  return { id: 'tpl-1', name: 'Pizza', category: 'pizza', definition, currentVersion: 1, estimatedTotalMinutes: 14, versions: [], ...extra };
}

/** A signed-in manager: the toolbar only offers Publish to roles that may publish. */
function managerSession(): AuthClient {
  sessionStorage.setItem(
    'brigade.session',
    JSON.stringify({
      accessToken: 'a',
      refreshToken: 'r',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      user: { id: 'u1', name: 'Luca', email: 'manager@demo.local', role: 'MANAGER' },
      tenant: { id: 't1', name: 'Demo', slug: 'demo', locale: 'en', timeZone: null, currency: 'EUR' },
    }),
  );
  return new AuthClient();
}

let auth: AuthClient;
beforeAll(() => {
  auth = managerSession();
});
afterAll(() => auth.dispose());

function renderEditor(definition: WorkflowDefinition, api: Api = recordingApi(() => ({})).api) {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <AuthContext.Provider value={auth}>
        <ApiContext.Provider value={api}>
          <ReactFlowProvider>
            <div style={{ width: 1200, height: 800 }}>
              <DesignerEditor template={template(definition)} definition={definition} stationTypes={STATION_TYPES} />
            </div>
          </ReactFlowProvider>
        </ApiContext.Provider>
      </AuthContext.Provider>
    </QueryClientProvider>,
  );
}

const card = (taskId: string) => document.querySelector<HTMLElement>(`[data-task-id="${taskId}"]`)!;
const markedTasks = (attr: 'data-issue' | 'data-critical') =>
  [...document.querySelectorAll<HTMLElement>(`[data-task-id][${attr}]`)].map((el) => el.dataset.taskId).sort();
const edgeIds = (cls: string) => [...document.querySelectorAll(`.react-flow__edge.${cls}`)].map((el) => el.getAttribute('data-id')).sort();

describe('workflow designer', () => {
  it('marks exactly the cycle’s task cards and arrows, lists the cycle, and blocks saving', () => {
    renderEditor(cyclic());
    expect(markedTasks('data-issue')).toEqual(['a', 'b', 'c']);
    expect(card('d').dataset.issue).toBeUndefined();
    expect(edgeIds('is-cycle')).toEqual(['dep:a->b', 'dep:b->c', 'dep:c->a']);
    expect(screen.getByRole('button', { name: 'Cycle: a → b → c → a' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Publish…' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(/Fix the errors above to see the critical path/)).toBeTruthy();
  });

  it('fixing the cycle from the side panel clears the marks and shows the critical path', () => {
    renderEditor(cyclic());
    fireEvent.click(screen.getByRole('button', { name: 'Cycle: a → b → c → a' }));
    expect(screen.getByRole('heading', { name: 'Task a' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Stop waiting for Task c' }));

    expect(markedTasks('data-issue')).toEqual([]);
    expect(edgeIds('is-cycle')).toEqual([]);
    expect(screen.getByTestId('issue-count').textContent).toBe('all good');
    expect(screen.getByTestId('total-minutes').textContent).toBe('8 min');
    expect(markedTasks('data-critical')).toEqual(['a', 'b', 'c', 'd']);
    expect(screen.getByRole('button', { name: 'Save draft' }).hasAttribute('disabled')).toBe(false);
  });

  it('marks a task whose station type the kitchen lacks, and clears it when a known type is chosen', () => {
    const def = pizzaWithSalad();
    def.phases[1].tasks[0].station_type = 'wok';
    renderEditor(def);
    expect(markedTasks('data-issue')).toEqual(['bake']);

    fireEvent.click(card('bake'));
    const station = screen.getByRole('combobox', { name: 'Station type' }) as HTMLSelectElement;
    expect(station.value).toBe('wok');
    expect(within(station).getByRole('option', { name: 'wok — unknown' })).toBeTruthy();
    fireEvent.change(station, { target: { value: 'forno' } });
    expect(markedTasks('data-issue')).toEqual([]);
  });

  it('highlights the critical path and shows its total', () => {
    renderEditor(pizzaWithSalad());
    expect(markedTasks('data-critical')).toEqual(['bake', 'box', 'dough', 'topping']);
    expect(edgeIds('is-critical')).toEqual(['dep:bake->box', 'dep:dough->topping', 'dep:topping->bake']);
    expect(screen.getByTestId('total-minutes').textContent).toBe('14 min');
    expect(
      within(screen.getByTestId('critical-path'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Task dough', 'Task topping', 'Task bake', 'Task box']);
  });

  it('typing bad minutes marks the task at once', () => {
    renderEditor(pizzaWithSalad());
    fireEvent.click(card('salad'));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Estimated minutes' }), { target: { value: '0' } });
    expect(markedTasks('data-issue')).toEqual(['salad']);
    expect(card('salad').textContent).toMatch(/must be greater than 0/);
  });

  it('publishing saves the edited recipe first, then publishes, and says orders in progress keep their version', async () => {
    const published = template(pizzaWithSalad(), { currentVersion: 2 });
    const { api, calls } = recordingApi((query) =>
      query.includes('saveWorkflowDraft') ? { saveWorkflowDraft: published } : { publishWorkflowTemplate: published },
    );
    renderEditor(pizzaWithSalad(), api);
    fireEvent.click(card('salad'));
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Green salad' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publish…' }));
    expect(screen.getByRole('alertdialog').textContent).toMatch(/Orders already in progress keep the version they started with/);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Publish' })));

    expect(calls.map((c) => c.query.match(/mutation (\w+)/)?.[1])).toEqual(['SaveWorkflowDraft', 'PublishWorkflowTemplate']);
    const sent = calls[0].variables.definition as WorkflowDefinition;
    expect(sent.phases[0].tasks[2].name).toBe('Green salad');
    expect(screen.getByText('Published version 2. Orders in progress keep their version.')).toBeTruthy();
  });
});
