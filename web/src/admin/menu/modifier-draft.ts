/** The modifier groups being edited: plain values, so the form is a pure function of them. */
export type EffectKind = 'SKIP_TASK' | 'SKIP_SUBTASK' | 'ADD_MINUTES' | 'ADD_INGREDIENT' | 'SCALE_INGREDIENT';

export interface EffectDraft {
  kind: EffectKind;
  /** A task id; for SKIP_SUBTASK "taskId/subtaskId"; an inventory item id for the ingredient kinds. */
  target: string;
  /** Minutes, quantity or factor; unused by the skips. */
  amount: string;
}

export interface OptionDraft {
  id: string | null;
  name: string;
  priceDelta: string;
  effects: EffectDraft[];
}

export interface GroupDraft {
  id: string | null;
  name: string;
  minChoices: number;
  maxChoices: number;
  options: OptionDraft[];
}

export const EFFECT_LABELS: Record<EffectKind, string> = {
  SKIP_TASK: 'Skip task',
  SKIP_SUBTASK: 'Skip checklist item',
  ADD_MINUTES: 'Add minutes to task',
  ADD_INGREDIENT: 'Add ingredient',
  SCALE_INGREDIENT: 'Scale ingredient',
};

export const usesIngredient = (kind: EffectKind) => kind === 'ADD_INGREDIENT' || kind === 'SCALE_INGREDIENT';
export const usesAmount = (kind: EffectKind) => kind !== 'SKIP_TASK' && kind !== 'SKIP_SUBTASK';

interface StoredEffect {
  kind: EffectKind;
  taskId?: string | null;
  subtaskId?: string | null;
  minutes?: number | null;
  inventoryItemId?: string | null;
  quantity?: number | null;
  factor?: number | null;
}

/** What the API answers, as drafts. */
export function toDrafts(
  groups: Array<{
    id: string;
    name: string;
    minChoices: number;
    maxChoices: number;
    options: Array<{ id: string; name: string; priceDelta: string; effects: StoredEffect[] }>;
  }>,
): GroupDraft[] {
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    minChoices: g.minChoices,
    maxChoices: g.maxChoices,
    options: g.options.map((o) => ({
      id: o.id,
      name: o.name,
      priceDelta: o.priceDelta,
      effects: o.effects.map((e) => ({
        kind: e.kind,
        target: usesIngredient(e.kind) ? (e.inventoryItemId ?? '') : e.kind === 'SKIP_SUBTASK' ? `${e.taskId}/${e.subtaskId}` : (e.taskId ?? ''),
        amount: String(e.minutes ?? e.quantity ?? e.factor ?? ''),
      })),
    })),
  }));
}

/** The drafts as setModifierGroups takes them (the server checks every value again). */
export function toInput(groups: GroupDraft[]) {
  return groups.map((g) => ({
    ...(g.id ? { id: g.id } : {}),
    name: g.name.trim(),
    minChoices: g.minChoices,
    maxChoices: g.maxChoices,
    options: g.options.map((o) => ({
      ...(o.id ? { id: o.id } : {}),
      name: o.name.trim(),
      priceDelta: o.priceDelta.trim() || '0',
      effects: o.effects.map((e) => effectInput(e)),
    })),
  }));
}

function effectInput({ kind, target, amount }: EffectDraft) {
  const n = Number(amount);
  switch (kind) {
    case 'SKIP_TASK':
      return { kind, taskId: target };
    case 'SKIP_SUBTASK': {
      const [taskId, subtaskId] = target.split('/');
      return { kind, taskId, subtaskId };
    }
    case 'ADD_MINUTES':
      return { kind, taskId: target, minutes: n };
    case 'ADD_INGREDIENT':
      return { kind, inventoryItemId: target, quantity: n };
    case 'SCALE_INGREDIENT':
      return { kind, inventoryItemId: target, factor: n };
  }
}

/** The recipe's tasks and their checklist items, read from its JSON (what an effect can name). */
export function recipeTargets(definition: unknown): Array<{ id: string; name: string; subtasks: Array<{ id: string; name: string }> }> {
  const phases = (definition as { phases?: Array<{ tasks?: Array<{ id: string; name: string; subtasks?: Array<{ id: string; name: string }> }> }> } | null)
    ?.phases;
  return (phases ?? []).flatMap((p) => (p.tasks ?? []).map((t) => ({ id: t.id, name: t.name, subtasks: t.subtasks ?? [] })));
}
