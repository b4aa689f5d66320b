import fs from 'node:fs';
import path from 'node:path';

/**
 * Workflow code runs in Temporal's deterministic sandbox and is replayed from history, so it must
 * not reach the database, the network, the clock of the host or the environment. This guards that
 * on every workflow source file (tests are ordinary Node code). `npm run lint` checks the same
 * imports with dependency-cruiser; this also catches host timers and process.env in the text.
 */
const root = __dirname;
const ALLOWED_PACKAGES = new Set(['@temporalio/workflow', '@temporalio/common', 'async-mutex']);
const FORBIDDEN_TEXT: Array<[RegExp, string]> = [
  [/process\.env/, 'reads process.env'],
  [/\bsetTimeout\(|\bsetInterval\(/, 'uses host timers (use sleep/condition)'],
];

function workflowSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '__histories__' ? [] : workflowSources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

function importsOf(source: string): Array<{ spec: string; typeOnly: boolean }> {
  const re = /^\s*import\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/gm;
  return [...source.matchAll(re)].map((m) => ({ spec: m[2], typeOnly: !!m[1] }));
}

/** Relative imports must stay inside workflows/ or be pure domain code or contracts (no framework imports). */
function allowedRelative(file: string, spec: string): boolean {
  const target = path.resolve(path.dirname(file), spec);
  const rel = path.relative(path.resolve(root, '..'), target);
  return rel.startsWith('workflows') || rel.startsWith('contracts') || ['eta', 'recipe', 'kitchen'].some((pure) => rel.startsWith(path.join('domain', pure)));
}

describe('workflow code stays deterministic', () => {
  const files = workflowSources(root);

  it('finds the workflow sources', () => {
    expect(files.map((f) => path.relative(root, f))).toEqual(expect.arrayContaining(['order-workflow.ts', 'item-workflow.ts']));
  });

  it.each(files.map((f) => [path.relative(root, f), f]))('%s imports only the workflow SDK, workflow code, pure domain code, or types', (_name, file) => {
    const source = fs.readFileSync(file, 'utf8');
    const bad = importsOf(source).filter(({ spec, typeOnly }) => {
      if (typeOnly) return false;
      if (spec.startsWith('.')) return !allowedRelative(file, spec);
      return !ALLOWED_PACKAGES.has(spec);
    });
    expect(bad).toEqual([]);
    const smells = FORBIDDEN_TEXT.filter(([re]) => re.test(source)).map(([, why]) => why);
    expect(smells).toEqual([]);
  });
});
