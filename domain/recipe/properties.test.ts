import fc from 'fast-check';
import { analyzeRecipe } from './analysis';
import { compileRecipe } from './compile';
import { findCycle, topologicalOrder } from './graph';
import { allTasks, byId, dagArb, durationsArb, STATIONS } from './test-arbitraries';
import type { WorkflowDefinition } from './types';
import { validateDefinition } from './validate';

describe('recipe DAG properties', () => {
  it('finds no errors in any randomly generated acyclic recipe', () => {
    fc.assert(
      fc.property(dagArb, (def) => {
        const errors = validateDefinition(def, { stationTypes: STATIONS.map((s) => s.toUpperCase()) }).filter((i) => i.severity === 'error');
        expect(errors).toEqual([]);
      }),
    );
  });

  it('puts every task exactly once in topological order, after all of its dependencies', () => {
    fc.assert(
      fc.property(dagArb, (def) => {
        const order = topologicalOrder(def);
        expect([...order].sort()).toEqual(
          allTasks(def)
            .map((t) => t.id)
            .sort(),
        );
        const at = new Map(order.map((id, i) => [id, i]));
        for (const t of allTasks(def)) for (const dep of t.depends_on) expect(at.get(dep)!).toBeLessThan(at.get(t.id)!);
      }),
    );
  });

  it('bounds the critical path between the longest single task and the sum of all tasks', () => {
    fc.assert(
      fc.property(dagArb, (def) => {
        const { totalMinutes, sumMinutes } = analyzeRecipe(def);
        expect(totalMinutes).toBeGreaterThanOrEqual(Math.max(...allTasks(def).map((t) => t.estimated_minutes)));
        expect(totalMinutes).toBeLessThanOrEqual(sumMinutes);
      }),
    );
  });

  it('never lets a task finish before each dependency finishes plus its own duration', () => {
    fc.assert(
      fc.property(dagArb, durationsArb, (def, durations) => {
        const { earliestFinish, slack } = analyzeRecipe(def, { durations });
        for (const t of allTasks(def)) {
          const own = durations?.[t.id] ?? t.estimated_minutes;
          for (const dep of t.depends_on) expect(earliestFinish[t.id]).toBeGreaterThanOrEqual(earliestFinish[dep] + own);
          expect(slack[t.id]).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('returns a critical path made of real dependency edges whose durations add up to the total', () => {
    fc.assert(
      fc.property(dagArb, durationsArb, (def, durations) => {
        const analysis = analyzeRecipe(def, { durations });
        const tasks = byId(def);
        const path = analysis.criticalPath;
        const minutes = (id: string) => durations?.[id] ?? tasks.get(id)!.estimated_minutes;

        expect(path.length).toBeGreaterThan(0);
        expect(analysis.earliestStart[path[0]]).toBe(0);
        for (let i = 1; i < path.length; i++) expect(tasks.get(path[i])!.depends_on).toContain(path[i - 1]);
        expect(path.reduce((sum, id) => sum + minutes(id), 0)).toBe(analysis.totalMinutes);
        for (const id of path) expect(analysis.slack[id]).toBe(0);
      }),
    );
  });

  it('compiles the JSON form of any generated recipe to the same analysis', () => {
    fc.assert(
      fc.property(dagArb, (def) => {
        const result = compileRecipe(JSON.parse(JSON.stringify(def)));
        if (!result.ok) throw new Error(JSON.stringify(result.issues));
        expect(result.analysis).toEqual(analyzeRecipe(def));
      }),
    );
  });

  it('reports a real cycle through the new edge when a task is made a dependency of one of its ancestors', () => {
    fc.assert(
      fc.property(dagArb, fc.nat(), (def, pick) => {
        const tasks = byId(def);
        const ancestors = (id: string, seen = new Set<string>()): Set<string> => {
          for (const dep of tasks.get(id)!.depends_on) if (!seen.has(dep)) ancestors(dep, seen.add(dep));
          return seen;
        };
        const pairs = [...tasks.keys()].flatMap((t) => [...ancestors(t)].map((a) => [t, a] as const));
        fc.pre(pairs.length > 0);
        const [descendant, ancestor] = pairs[pick % pairs.length];

        const cyclic: WorkflowDefinition = JSON.parse(JSON.stringify(def));
        byId(cyclic).get(ancestor)!.depends_on.push(descendant); // back edge: descendant → ancestor

        const issues = validateDefinition(cyclic).filter((i) => i.severity === 'error');
        expect(issues.length).toBeGreaterThan(0);
        expect(issues.every((i) => i.code === 'CYCLE')).toBe(true);
        for (const issue of issues) {
          expect(issue.message).toBe(`Cycle: ${issue.path!.join(' → ')}`);
          expectRealCycle(cyclic, issue.path!);
          // Only one edge was added, so every loop must use it.
          expect(issue.path).toEqual(expect.arrayContaining([descendant, ancestor]));
        }
        expectRealCycle(cyclic, findCycle(cyclic)!);
        expect(() => topologicalOrder(cyclic)).toThrow('Cycle:');
      }),
    );
  });
});

function expectRealCycle(def: WorkflowDefinition, path: string[]): void {
  const tasks = byId(def);
  expect(path.length).toBeGreaterThanOrEqual(3);
  expect(path[path.length - 1]).toBe(path[0]);
  expect(new Set(path.slice(0, -1)).size).toBe(path.length - 1);
  for (let i = 1; i < path.length; i++) expect(tasks.get(path[i])!.depends_on).toContain(path[i - 1]);
}
