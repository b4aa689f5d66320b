import { initGraphQLTada, type TadaDocumentNode } from 'gql.tada';
import { print } from 'graphql';
import type { introspection } from './graphql-env';

/**
 * Every GraphQL document of the app is written with this tag, so its result and variable types are
 * inferred from schema.graphql (through the generated graphql-env.d.ts) instead of typed by hand: a
 * renamed field or a changed argument is a type error here, not a blank screen in the kitchen.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  // schema.graphql's custom scalars, as they arrive in JSON.
  scalars: {
    /** ISO-8601 timestamp. */
    DateTime: string;
    /** Exact decimal as a string, e.g. "12.50" (the API also accepts numbers; the app sends strings). */
    Decimal: string;
    JSON: unknown;
  };
  // Fragments here only share field lists between documents of one feature; masking would make
  // every reader unwrap them with readFragment for no isolation gain.
  disableMasking: true;
}>();

export type { FragmentOf, ResultOf, TadaDocumentNode, VariablesOf } from 'gql.tada';

/**
 * The arguments after a document: its variables, optional exactly when the document declares no
 * required variable, then `Tail`. NoInfer keeps the variable types those of the document.
 */
// `{} extends Vars` asks "are all of Vars' keys optional?"; no other type says that.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type VariablesArgs<Vars, Tail extends unknown[] = []> = {} extends Vars
  ? [variables?: NoInfer<Vars>, ...tail: Tail]
  : [variables: NoInfer<Vars>, ...tail: Tail];

const texts = new WeakMap<TadaDocumentNode<unknown, never>, string>();

/** The query text sent to the server (printed once per document). */
export function documentText(document: TadaDocumentNode<unknown, never>): string {
  let text = texts.get(document);
  if (text === undefined) {
    text = print(document);
    texts.set(document, text);
  }
  return text;
}
