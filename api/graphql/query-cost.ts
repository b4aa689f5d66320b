import {
  getNamedType,
  getOperationAST,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * An operation's cost, roughly the values the API must load and produce: 1 per field, and a list
 * field's selection counted once per row it can return. That is its `limit` (or `first`), written
 * in the document or given as a variable; else the argument's default; else the largest page any
 * list serves. Lists without a limit (an order's items, a tenant's stations) count LIST_GUESS
 * rows. A row costs at least what its resolver loads for it (LOADED_PER_ROW), whatever the client
 * selects. Introspection (`__schema`, `__type`) costs nothing here: production switches it off.
 */
export const LIST_GUESS = 5;
/** inventoryMovements' maximum; orders and audit logs stop at 200. */
export const LARGEST_PAGE = 500;

/**
 * Lists whose resolver loads more per row than a client may select, as the selection it loads:
 * `orders` reads each order with its items, their dishes, tasks, stations and subtasks
 * (core/orders/order-include.ts), even for `orders { id }` (200 orders of 3 dishes and 12 tasks
 * took about 1 s either way).
 */
const LOADED_PER_ROW: Record<string, string> = {
  'Query.orders': '{ id items { id menuItem { id } tasks { id station { id } subtasks { id } } } delivery { id rider { id } } }',
};
const loadedSelections = new Map(Object.entries(LOADED_PER_ROW).map(([field, selection]) => [field, selectionOf(selection)]));

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const defaults = new Map((operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, v.defaultValue]));
  const intOf = (value: ValueNode | undefined): number | undefined => {
    if (value?.kind === Kind.INT) return Number(value.value);
    if (value?.kind !== Kind.VARIABLE) return undefined;
    const given = variables[value.name.value];
    return Number.isInteger(given) ? (given as number) : intOf(defaults.get(value.name.value));
  };
  return new Costing(schema, fragments, intOf).selections(operation.selectionSet, root);
}

class Costing {
  /** Each fragment is costed once, however often it is spread; a fragment cycle counts as 0 (graphql reports it). */
  private readonly fragmentCosts = new Map<string, number>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly intOf: (value: ValueNode | undefined) => number | undefined,
  ) {}

  selections(set: SelectionSetNode, parent: GraphQLNamedType): number {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) cost += this.field(selection, parent);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : parent;
        if (type) cost += this.selections(selection.selectionSet, type);
      } else cost += this.fragment(selection.name.value);
    }
    return cost;
  }

  private fragment(name: string): number {
    const known = this.fragmentCosts.get(name);
    if (known !== undefined) return known;
    this.fragmentCosts.set(name, 0);
    const fragment = this.fragments.get(name);
    const type = fragment && this.schema.getType(fragment.typeCondition.name.value);
    const cost = fragment && type ? this.selections(fragment.selectionSet, type) : 0;
    this.fragmentCosts.set(name, cost);
    return cost;
  }

  private field(field: FieldNode, parent: GraphQLNamedType): number {
    const name = field.name.value;
    if (name === '__schema' || name === '__type') return 0;
    if (!field.selectionSet) return 1;
    const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    const type = definition && getNamedType(definition.type);
    // An unknown field or a selection on a scalar is graphql's own rules' to report.
    if (!definition || !type || !isCompositeType(type)) return 1;
    const loaded = loadedSelections.get(`${parent.name}.${name}`);
    const each = 1 + Math.max(this.selections(field.selectionSet, type), loaded ? this.selections(loaded, type) : 0);
    return isListType(getNullableType(definition.type)) ? each * this.rows(field, definition) : each;
  }

  private rows(field: FieldNode, definition: GraphQLField<unknown, unknown>): number {
    const declared = definition.args.find((a) => a.name === 'limit' || a.name === 'first');
    if (!declared) return LIST_GUESS;
    const fallback = typeof declared.defaultValue === 'number' ? declared.defaultValue : LARGEST_PAGE;
    const given = this.intOf(field.arguments?.find((a) => a.name.value === declared.name)?.value);
    return Math.max(1, given ?? fallback);
  }
}

function selectionOf(selection: string): SelectionSetNode {
  return (parse(selection).definitions[0] as OperationDefinitionNode).selectionSet;
}

/** What Yoga's onExecute hands a plugin: enough to cost the operation about to run. */
export interface ExecutionArgsLike {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
  contextValue: object;
}

const costPerRequest = new WeakMap<object, number>();

/**
 * The cost of the operation a request is about to run, computed once per request: the cost limit
 * (query-limits.ts) and the per-user cost budget (api/rate-limits) both read it.
 */
export function requestCost(args: ExecutionArgsLike): number {
  const known = costPerRequest.get(args.contextValue);
  if (known !== undefined) return known;
  const operation = getOperationAST(args.document, args.operationName);
  const cost = operation ? operationCost(args.schema, args.document, operation, args.variableValues ?? {}) : 0;
  costPerRequest.set(args.contextValue, cost);
  return cost;
}
