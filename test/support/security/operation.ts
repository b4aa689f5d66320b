import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { sampleValue } from './sample-values';
import type { RootField } from './root-fields';

/**
 * Test-only: one GraphQL operation calling one root field, generated from the field's argument
 * types: every required argument and input field gets a value, optional ones only when asked.
 * A value comes from `valueFor` when it returns one, else from sample-values.ts.
 */
export interface ArgSlot {
  field: RootField;
  /** Argument name, then input field names down to this value, e.g. ['input', 'items', 'menuItemId']. */
  path: string[];
  /** The named scalar or enum type of the value. */
  typeName: string;
}

export interface OperationOptions {
  valueFor?: (slot: ArgSlot) => unknown;
  /** Whether to fill an optional argument or input field at this path (default: no). */
  includeOptional?: (path: string[]) => boolean;
  /** 0: only `__typename`; n: leaf fields and object fields n-1 levels down. */
  depth?: number;
}

export interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

const isRequired = (type: GraphQLInputType, defaultValue: unknown) => isNonNullType(type) && defaultValue === undefined;

function valueOf(type: GraphQLInputType, field: RootField, path: string[], opts: OperationOptions): unknown {
  if (isNonNullType(type)) return valueOf(type.ofType, field, path, opts);
  if (isListType(type)) return [valueOf(type.ofType, field, path, opts)];
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      const fieldPath = [...path, f.name];
      if (isRequired(f.type, f.defaultValue) || opts.includeOptional?.(fieldPath)) value[f.name] = valueOf(f.type, field, fieldPath, opts);
    }
    // An all-optional input (a patch) gets one change, so it is not refused as empty before its lookup.
    const change = Object.values(type.getFields()).find((f) => isLeafType(getNamedType(f.type)) && getNamedType(f.type).name !== 'ID');
    if (Object.keys(value).length === 0 && change) value[change.name] = valueOf(change.type, field, [...path, change.name], opts);
    return value;
  }
  const slot: ArgSlot = { field, path, typeName: type.name };
  const chosen = opts.valueFor?.(slot);
  if (chosen !== undefined) return chosen;
  const sample = sampleValue(slot);
  if (sample !== undefined) return sample;
  if (isEnumType(type)) return type.getValues()[0].name;
  throw new Error(`No sample value for ${type.name} (${field.name}.${path.join('.')}): add one to test/support/security/sample-values.ts`);
}

export function selectionOf(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (depth <= 0 || !(isObjectType(named) || isInterfaceType(named))) return '{ __typename }';
  const parts = ['__typename'];
  for (const f of Object.values(named.getFields())) {
    if (f.args.some((a) => isRequired(a.type, a.defaultValue))) continue;
    if (isLeafType(getNamedType(f.type))) parts.push(f.name);
    else if (depth > 1) parts.push(`${f.name} ${selectionOf(f.type, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

export function operationFor(field: RootField, opts: OperationOptions = {}): Operation {
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const passed: string[] = [];
  for (const arg of field.field.args) {
    if (!isRequired(arg.type, arg.defaultValue) && !opts.includeOptional?.([arg.name])) continue;
    variables[arg.name] = valueOf(arg.type, field, [arg.name], opts);
    declared.push(`$${arg.name}: ${String(arg.type)}`);
    passed.push(`${arg.name}: $${arg.name}`);
  }
  const vars = declared.length ? `(${declared.join(', ')})` : '';
  const args = passed.length ? `(${passed.join(', ')})` : '';
  return { query: `${field.operation} Probe${vars} { ${field.name}${args} ${selectionOf(field.field.type, opts.depth ?? 0)} }`, variables };
}
