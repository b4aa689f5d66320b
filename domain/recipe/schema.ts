import { z } from 'zod';
import { safeText, TEXT_LIMITS } from '../input/text';
import type { RecipeIssue, WorkflowDefinition } from './types';

// Trim before the emptiness check so "  " cannot sneak in as an id that looks blank in the UI.
// Ids and station types become task rows' varchar(100) columns, names their varchar(255) ones.
const id = () => safeText(TEXT_LIMITS.label).min(1);
const name = () => safeText(TEXT_LIMITS.name).min(1);

/** Per list: generous for a real dish, small enough that no request can make a recipe of megabytes. */
export const RECIPE_LIMITS = { tasks: 200, phases: 50, subtasks: 50 } as const;

// Strict objects: a typo such as `depend_on` would otherwise be silently stripped and the task would
// lose its dependencies without anyone noticing.
const subtaskSchema = z.strictObject({
  id: id(),
  name: name(),
  optional: z.boolean().default(false),
});

const taskSchema = z.strictObject({
  id: id(),
  name: name(),
  station_type: id(),
  // Range is checked by validateDefinition so it can report INVALID_MINUTES with the task id.
  estimated_minutes: z.number(),
  depends_on: z.array(id()).max(RECIPE_LIMITS.tasks).default([]),
  subtasks: z.array(subtaskSchema).max(RECIPE_LIMITS.subtasks).default([]),
});

const phaseSchema = z.strictObject({
  id: id(),
  name: name(),
  order: z.number(),
  // Emptiness is a semantic issue (EMPTY_PHASE / NO_PHASES), not a shape issue; the recipe's total
  // is checked by validateDefinition (TOO_MANY_TASKS).
  tasks: z.array(taskSchema).max(RECIPE_LIMITS.tasks),
});

export const definitionSchema = z.strictObject({
  // null is accepted because form/DB round-trips commonly turn "unset" into null.
  deduct_inventory_phase: id()
    .nullish()
    .transform((v) => v ?? undefined),
  phases: z.array(phaseSchema).max(RECIPE_LIMITS.phases),
});

// Compile-time guard: if the schema and the hand-written types drift apart, this line stops compiling.
const _schemaMatchesTypes: (v: z.output<typeof definitionSchema>) => WorkflowDefinition = (v) => v;
void _schemaMatchesTypes;

export type ParseResult = { ok: true; definition: WorkflowDefinition } | { ok: false; issues: RecipeIssue[] };

export function parseDefinition(input: unknown): ParseResult {
  const result = definitionSchema.safeParse(input);
  if (result.success) return { ok: true, definition: result.data };
  return { ok: false, issues: result.error.issues.map((iss) => toShapeIssue(iss, input)) };
}

type ZodIssue = z.core.$ZodIssue;

function toShapeIssue(iss: ZodIssue, input: unknown): RecipeIssue {
  const path = iss.path.map((p) => String(p));
  const issue: RecipeIssue = {
    code: 'SHAPE',
    severity: 'error',
    message: `${formatPath(iss.path)}: ${describeProblem(iss, valueAt(input, iss.path))}`,
    path,
  };
  // Lets the designer highlight the offending phase/task even though the shape is broken.
  const phaseId = idAt(input, ['phases', iss.path[1]]);
  const taskId = idAt(input, ['phases', iss.path[1], 'tasks', iss.path[3]]);
  if (iss.path[0] === 'phases' && phaseId) issue.phaseId = phaseId;
  if (iss.path[0] === 'phases' && iss.path[2] === 'tasks' && taskId) issue.taskId = taskId;
  return issue;
}

function describeProblem(iss: ZodIssue, value: unknown): string {
  switch (iss.code) {
    case 'invalid_type':
      return value === undefined ? `expected ${iss.expected}, but the field is missing` : `expected ${iss.expected}, received ${describeValue(value)}`;
    case 'too_small':
      if (iss.origin === 'string') return 'must not be empty';
      return iss.message;
    case 'unrecognized_keys':
      return `unknown field${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return iss.message;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? 'number' : String(value);
  return typeof value;
}

/** Renders `['phases', 0, 'tasks', 1, 'estimated_minutes']` as `phases[0].tasks[1].estimated_minutes`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

function idAt(input: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path.some((p) => p === undefined)) return undefined;
  const id = valueAt(input, [...path, 'id']);
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}
