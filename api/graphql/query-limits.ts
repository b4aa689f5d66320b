import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { requestCost } from './query-cost';

/**
 * What one GraphQL document may ask for. Every document of the web app passes with room to spare
 * (query-limits.test.ts runs them all through these plugins); `npm run bench:limits` measures
 * what the heaviest allowed query costs another tenant (bench/README.md).
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
  /** query-cost.ts: about the values a document can make the API load and produce (the console's orders: 22,320). */
  cost: 30_000,
} as const;

export type QueryLimit = keyof typeof QUERY_LIMITS;

type ArmorConfig = NonNullable<ConstructorParameters<typeof EnvelopArmor>[0]>;

/**
 * The limits as Yoga plugins: graphql-armor counts tokens, depth, aliases and directives; the cost
 * is our own rule, because armor's cost limit has no notion of list fields (it multiplies by
 * literal `first`/`last` only, and our lists take `limit`). A document over a limit is refused
 * before any resolver runs; the client gets BAD_USER_INPUT and the limit's name.
 * `hideSuggestions` drops "Did you mean …?" from validation errors, which would otherwise map the
 * schema field by field for someone who cannot introspect it.
 */
export function useQueryLimits(options: { hideSuggestions?: boolean } = {}): Plugin[] {
  const check = (limit: QueryLimit) => ({ n: QUERY_LIMITS[limit], ...refuseAs(limit) });
  const config: ArmorConfig = {
    maxTokens: check('tokens'),
    maxDepth: check('depth'),
    maxAliases: check('aliases'),
    maxDirectives: check('directives'),
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: options.hideSuggestions ?? false, mask: '' },
  };
  return [...(new EnvelopArmor(config).protect().plugins as Plugin[]), useCostLimit(QUERY_LIMITS.cost)];
}

/** The refusal a client sees: our code, which limit, and armor's numbers without its "Syntax Error" prefix. */
function queryRefused(limit: QueryLimit, detail: string): GraphQLError {
  return new GraphQLError(`Query refused: ${detail.replace(/^Syntax Error: /, '')}`, { extensions: { code: 'BAD_USER_INPUT', limit } });
}

/**
 * The cost is checked when the operation is about to execute, with its variables (a page size is
 * often one), so it never reaches a resolver either; validation sees no variables.
 */
function useCostLimit(maxCost: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = requestCost(args);
      if (cost > maxCost) setResultAndStopExecution({ errors: [queryRefused('cost', `Query cost limit of ${maxCost} exceeded, found ${cost}.`)] });
    },
  };
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
