import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { operationCost } from './query-cost';

/**
 * What one GraphQL document may ask for. Every document of the web app passes with room to spare
 * (query-limits.test.ts runs them all through these plugins and prints how close each comes);
 * `npm run bench:limits` measures what the heaviest allowed query costs the other tenants.
 */
export const QUERY_LIMITS = {
  /** Lexical tokens, counted while parsing: a megabyte of aliases is refused after its first thousand tokens (the app's longest document has 72, GraphiQL's schema query 184). */
  tokens: 1_000,
  /** Nested selections (a fragment spread counts as a level; the app's deepest document has 5). */
  depth: 8,
  /** The web app uses none; a few for hand-written queries. */
  aliases: 10,
  /** Directives (`@include`…) per document. */
  directives: 20,
  /** query-cost.ts: about the values a document can make the API produce (the kitchen pass's query is 8,240). */
  cost: 12_000,
} as const;

export type QueryLimits = { readonly [K in keyof typeof QUERY_LIMITS]: number };
export type QueryLimit = keyof QueryLimits;

type ArmorConfig = NonNullable<ConstructorParameters<typeof EnvelopArmor>[0]>;

/**
 * The limits as Yoga plugins: graphql-armor counts tokens, depth, aliases and directives; the cost
 * is our own rule, because armor's cost limit has no notion of list fields (it multiplies by
 * literal `first`/`last` only, and our lists take `limit`). Parsing or validation stops at the
 * first limit crossed, so no resolver runs; the client gets BAD_USER_INPUT and which limit it was.
 * `hideSuggestions` drops "Did you mean …?" from validation errors, which would otherwise map the
 * schema field by field for someone who cannot introspect it.
 */
export function useQueryLimits(options: QueryLimitsOptions = {}): Plugin[] {
  const limits = options.limits ?? QUERY_LIMITS;
  const check = (limit: QueryLimit) => ({
    n: limits[limit],
    ...refuseAs(limit),
    onAccept: options.onMeasured ? [(_context: unknown, { n }: { n: number }) => options.onMeasured?.(limit, n)] : [],
  });
  const config: ArmorConfig = {
    maxTokens: check('tokens'),
    maxDepth: check('depth'),
    maxAliases: check('aliases'),
    maxDirectives: check('directives'),
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: options.hideSuggestions ?? false, mask: '' },
  };
  const cost: Plugin = { onValidate: ({ addValidationRule }) => addValidationRule(costRule(limits.cost, options.onMeasured)) };
  return [...(new EnvelopArmor(config).protect().plugins as Plugin[]), cost];
}

export interface QueryLimitsOptions {
  limits?: QueryLimits;
  hideSuggestions?: boolean;
  /** Each accepted document's figures (the tokens are reported as they are counted), for tests and tuning. */
  onMeasured?: (limit: QueryLimit, value: number) => void;
}

/** The refusal a client sees: our code, which limit, and armor's numbers without its "Syntax Error" prefix. */
export function queryRefused(limit: QueryLimit, detail: string): GraphQLError {
  return new GraphQLError(`Query refused: ${detail.replace(/^Syntax Error: /, '')}`, { extensions: { code: 'BAD_USER_INPUT', limit } });
}

function costRule(maxCost: number, onMeasured: QueryLimitsOptions['onMeasured']): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const cost = operationCost(context.getSchema(), context.getDocument(), operation);
      if (cost > maxCost) context.reportError(queryRefused('cost', `Query cost limit of ${maxCost} exceeded, found ${cost}.`));
      else onMeasured?.('cost', cost);
    },
  });
}

/** graphql-armor reports through onReject; throwing there ends parsing or validation on the spot. */
function refuseAs(limit: QueryLimit) {
  return {
    propagateOnRejection: false,
    onReject: [
      (_context: unknown, error: GraphQLError) => {
        throw queryRefused(limit, error.message);
      },
    ],
  };
}
