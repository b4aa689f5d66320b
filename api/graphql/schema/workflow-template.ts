import type { WorkflowTemplate, WorkflowTemplateVersion } from '../../../prisma/generated/client';
import { compileRecipe, type RecipeAnalysis, type RecipeIssue } from '../../../domain/recipe';
import { createWorkflowTemplate } from '../../../core/workflows/create-workflow-template';
import { getWorkflowTemplate, listWorkflowVersions } from '../../../core/workflows/get-workflow-template';
import { listWorkflowTemplates } from '../../../core/workflows/list-workflow-templates';
import { publishWorkflowTemplate } from '../../../core/workflows/publish-workflow-template';
import { saveWorkflowDraft } from '../../../core/workflows/save-workflow-draft';
import { listLearnedDurations, type LearnedTaskDuration } from '../../../core/workflows/list-learned-durations';
import { taskIndex, type WorkflowDefinition } from '../../../domain/recipe';
import type { DurationSource } from '../../../domain/eta';
import { validateWorkflowDefinition, type ValidationResult } from '../../../core/workflows/validate-workflow-definition';
import { builder } from '../builder';

const RecipeIssueRef = builder.objectRef<RecipeIssue>('RecipeIssue').implement({
  fields: (t) => ({
    code: t.exposeString('code', { description: 'CYCLE, UNKNOWN_DEPENDENCY, UNKNOWN_STATION_TYPE, ORPHAN_TASK, …' }),
    severity: t.exposeString('severity', { description: '"error" blocks saving; "warning" does not.' }),
    message: t.exposeString('message'),
    taskId: t.exposeString('taskId', { nullable: true }),
    phaseId: t.exposeString('phaseId', { nullable: true }),
    path: t.exposeStringList('path', { nullable: true, description: 'CYCLE: the task ids around the cycle.' }),
  }),
});

const RecipeAnalysisRef = builder.objectRef<RecipeAnalysis>('RecipeAnalysis').implement({
  fields: (t) => ({
    totalMinutes: t.exposeFloat('totalMinutes', { description: 'Critical-path length with unlimited stations.' }),
    sumMinutes: t.exposeFloat('sumMinutes', { description: 'Total work if one cook did every task.' }),
    criticalPath: t.exposeStringList('criticalPath', { description: 'Task ids on the critical path, in order.' }),
  }),
});

const ValidationResultRef = builder.objectRef<ValidationResult>('ValidationResult').implement({
  fields: (t) => ({
    ok: t.exposeBoolean('ok'),
    issues: t.field({ type: [RecipeIssueRef], resolve: (r) => r.issues }),
    analysis: t.field({ type: RecipeAnalysisRef, nullable: true, resolve: (r) => r.analysis }),
  }),
});

const WorkflowVersionRef = builder.objectRef<WorkflowTemplateVersion>('WorkflowTemplateVersion').implement({
  fields: (t) => ({
    version: t.exposeInt('version'),
    publishedAt: t.expose('publishedAt', { type: 'DateTime' }),
    estimatedTotalMinutes: t.float({ resolve: (v) => v.estimatedTotalMinutes.toNumber() }),
    definition: t.expose('definition', { type: 'JSON' }),
  }),
});

export const DurationSourceEnum = builder.enumType('DurationSource', {
  description:
    'Where an expected duration comes from, most specific first: the task at this station, the task at any station, the station pace times the estimate, the estimate.',
  values: ['STATION_TASK', 'TASK', 'STATION_PACE', 'ESTIMATE'] as const satisfies readonly DurationSource[],
});

const LearnedTaskDurationRef = builder.objectRef<LearnedTaskDuration>('LearnedTaskDuration').implement({
  description:
    'What the ETA expects of one recipe task per unit, learned from the time-decayed median of its recent plausible durations (bumps under 20 % or over 5 times the estimate are not learned), else from the pace of the stations of its type.',
  fields: (t) => ({
    taskId: t.exposeString('taskId'),
    learnedMinutes: t.exposeFloat('learnedMinutes', { description: 'Per-unit minutes the ETA uses.' }),
    source: t.field({ type: DurationSourceEnum, resolve: (d) => d.source }),
    samples: t.exposeInt('samples', { description: 'Plausible samples behind the source.' }),
    p10Minutes: t.exposeFloat('p10Minutes', { nullable: true, description: "The task's own spread: 1 in 10 cooks is faster." }),
    p90Minutes: t.exposeFloat('p90Minutes', { nullable: true, description: '1 in 10 cooks is slower.' }),
  }),
});

// id/name/currentVersion are visible wherever a menu item is (menu:read); the recipe itself needs recipes:read.
export const WorkflowTemplateRef = builder.objectRef<WorkflowTemplate>('WorkflowTemplate').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    category: t.exposeString('category', { nullable: true }),
    currentVersion: t.exposeInt('currentVersion', { nullable: true, description: 'Null until first published.' }),
    estimatedTotalMinutes: t.float({ nullable: true, resolve: (w) => w.estimatedTotalMinutes?.toNumber() ?? null }),
    definition: t.withAuth({ permission: 'recipes:read' }).field({
      type: 'JSON',
      description: 'The editable draft (snake_case recipe JSON).',
      resolve: (w) => w.definition,
    }),
    analysis: t.withAuth({ permission: 'recipes:read' }).field({
      type: RecipeAnalysisRef,
      nullable: true,
      description: "The draft's timing analysis.",
      resolve: (w) => {
        const compiled = compileRecipe(w.definition);
        return compiled.ok ? compiled.analysis : null;
      },
    }),
    learnedDurations: t.withAuth({ permission: 'recipes:read' }).field({
      type: [LearnedTaskDurationRef],
      description: "Learned durations of the draft's tasks, from their own history or their stations' pace; tasks with neither are absent.",
      resolve: (w, _args, { db, actor }) => {
        const tasks = [...taskIndex(w.definition as unknown as WorkflowDefinition)].map(([id, { task }]) => ({
          id,
          stationType: task.station_type,
          estimatedMinutes: task.estimated_minutes,
        }));
        return listLearnedDurations({ db, actor, input: { templateId: w.id, tasks } });
      },
    }),
    versions: t.withAuth({ permission: 'recipes:read' }).field({
      type: [WorkflowVersionRef],
      description: 'Published versions, newest first.',
      resolve: (w, _args, { db, actor }) => listWorkflowVersions({ db, actor, input: { templateId: w.id } }),
    }),
  }),
});

const CreateWorkflowTemplateInput = builder.inputType('CreateWorkflowTemplateInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    category: t.string(),
    definition: t.field({ type: 'JSON', required: true }),
  }),
});

builder.queryFields((t) => ({
  workflowTemplates: t.withAuth({ permission: 'recipes:read' }).field({
    type: [WorkflowTemplateRef],
    args: { category: t.arg.string() },
    resolve: (_root, args, { db, actor }) => listWorkflowTemplates({ db, actor, input: args }),
  }),
  workflowTemplate: t.withAuth({ permission: 'recipes:read' }).field({
    type: WorkflowTemplateRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, { db, actor }) => getWorkflowTemplate({ db, actor, input: { id: String(args.id) } }),
  }),
  validateWorkflowDefinition: t.withAuth({ permission: 'recipes:read' }).field({
    type: ValidationResultRef,
    description: "Validates a recipe against this tenant's active stations without saving anything.",
    args: { definition: t.arg({ type: 'JSON', required: true }) },
    resolve: (_root, args, { db, actor }) => validateWorkflowDefinition({ db, actor, input: { definition: args.definition } }),
  }),
}));

builder.mutationFields((t) => ({
  createWorkflowTemplate: t.withAuth({ permission: 'recipes:write' }).field({
    type: WorkflowTemplateRef,
    args: { input: t.arg({ type: CreateWorkflowTemplateInput, required: true }) },
    resolve: (_root, { input }, { db, actor }) => createWorkflowTemplate({ db, actor, input }),
  }),
  saveWorkflowDraft: t.withAuth({ permission: 'recipes:write' }).field({
    type: WorkflowTemplateRef,
    args: { id: t.arg.id({ required: true }), definition: t.arg({ type: 'JSON', required: true }) },
    resolve: (_root, args, { db, actor }) => saveWorkflowDraft({ db, actor, input: { id: String(args.id), definition: args.definition } }),
  }),
  publishWorkflowTemplate: t.withAuth({ permission: 'recipes:publish' }).field({
    type: WorkflowTemplateRef,
    description: 'Freezes the draft as a new immutable version (n+1) and makes it current.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, { db, actor }) => publishWorkflowTemplate({ db, actor, input: { id: String(args.id) } }),
  }),
}));
