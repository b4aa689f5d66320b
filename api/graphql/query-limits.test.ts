import { getNamedType, getOperationAST, GraphQLInt, parse, specifiedRules, typeFromAST, validate, type NamedTypeNode } from 'graphql';
import { envelop, type Plugin } from 'graphql-yoga';
import { loadWebDocuments, type WebDocument } from '../../test/support/web-documents';
import { testPrisma } from '../../test/support/db';
import { startTestApi, type GqlResponse, type TestApi } from '../../test/support/graphql-client';
import { LARGEST_PAGE, operationCost } from './query-cost';
import { QUERY_LIMITS, useQueryLimits, type QueryLimit } from './query-limits';
import { schema } from './schema';

/**
 * The query limits over real HTTP (the bombs are refused before anything runs), and every
 * document the web app sends through the same plugins: a new screen that needs more fails here,
 * not in a kitchen.
 */
const prisma = testPrisma();
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi(prisma);
});
afterAll(() => api?.close());

/** The issue's measured attack: 1,000 aliases of a nested list, 21 MB of answer before the limits. */
const ISSUE_ATTACK = `{ ${Array.from({ length: 1000 }, (_, i) => `o${i}: orders(limit: 200) { id items { id tasks { id } } }`).join(' ')} }`;

/** Refused before execution: the answer has no `data` at all (GraphQL over HTTP), only the refusal. */
function expectRefused(res: GqlResponse, limit: QueryLimit, message: RegExp) {
  expect(res).not.toHaveProperty('data');
  expect(res.errors).toEqual([{ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT', limit } }]);
}

it('refuses the 1,000-alias attack while parsing, by its token count', async () => {
  const res = await api.gql(ISSUE_ATTACK);
  expectRefused(res, 'tokens', new RegExp(`^Query refused: Token limit of ${QUERY_LIMITS.tokens} exceeded\\.$`));
});

it('refuses more aliases than allowed, even of the cheapest field', async () => {
  const aliases = Array.from({ length: QUERY_LIMITS.aliases + 1 }, (_, i) => `a${i}: me { user { id } }`).join(' ');
  const res = await api.gql(`{ ${aliases} }`);
  expectRefused(res, 'aliases', /^Query refused: Aliases limit of \d+ exceeded, found \d+\.$/);
});

it('refuses a document nested deeper than allowed', async () => {
  // The schema has no cycles, so depth comes from inline fragments, which graphql happily nests.
  const depth = QUERY_LIMITS.depth + 2;
  const res = await api.gql(`{ me { ${'... on Me { '.repeat(depth)}user { id }${' }'.repeat(depth)} } }`);
  expectRefused(res, 'depth', /^Query refused: Query depth limit of \d+ exceeded, found \d+\.$/);
});

it('refuses a list asked for more rows than the cost allows, without aliases', async () => {
  const res = await api.gql('{ orders(limit: 200) { id orderNumber status items { id name tasks { id name status } } } }');
  expectRefused(res, 'cost', new RegExp(`^Query refused: Query cost limit of ${QUERY_LIMITS.cost} exceeded, found \\d+\\.$`));
});

it('counts each order at what its resolver loads, however little is selected', async () => {
  // `orders` reads every order with its items and tasks (core/orders/order-include.ts).
  const res = await api.gql('{ orders(limit: 100) { id } }');
  expectRefused(res, 'cost', /cost limit/);
});

it('counts a page size given as a variable at its value', async () => {
  const query = 'query ($n: Int) { orders(limit: $n) { id items { id tasks { id } } } }';
  expectRefused(await api.gql(query, { n: 200 }), 'cost', /cost limit/);
  expect((await api.gql(query, { n: 20 })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});

it('lets an ordinary query through to its resolvers', async () => {
  const res = await api.gql('{ me { user { id } } }');
  expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});

describe('every GraphQL document of the web app', () => {
  let documents: WebDocument[];
  // What Yoga's engine does before executing: graphql's parser, validator and rules, then our plugins.
  const enveloped = envelop({
    plugins: [
      { onParse: ({ setParseFn }) => setParseFn(parse) },
      { onValidate: ({ setValidationFn, addValidationRule }) => (setValidationFn(validate), specifiedRules.forEach(addValidationRule)) },
      ...(useQueryLimits() as Plugin[]),
    ],
  });
  const refusals = (text: string): string[] => {
    const { parse: parseDoc, validate: validateDoc } = enveloped();
    try {
      return validateDoc(schema, parseDoc(text)).map((e: Error) => e.message);
    } catch (err) {
      return [(err as Error).message];
    }
  };
  /** The cost at its worst: every Int variable (a page size, say) at the largest page. */
  const worstCost = (text: string) => {
    const document = parse(text);
    const operation = getOperationAST(document)!;
    const ints = (operation.variableDefinitions ?? []).filter((v) => getNamedType(typeFromAST(schema, v.type as NamedTypeNode)!) === GraphQLInt);
    return operationCost(schema, document, operation, Object.fromEntries(ints.map((v) => [v.variable.name.value, LARGEST_PAGE])));
  };

  beforeAll(async () => {
    documents = await loadWebDocuments();
  });

  it('are found: the screens and the sign-in flow', () => {
    const names = documents.map((d) => d.name.split(' ')[0]);
    expect(names).toEqual(expect.arrayContaining(['Login', 'ActiveOrders', 'ExpoOrders', 'StationQueue', 'ConsoleOrders', 'AuditLogs', 'CreateOrder']));
    expect(documents.length).toBeGreaterThanOrEqual(50);
  });

  it('pass every limit', () => {
    expect(refusals(`{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { user { id } }`).join(' ')} }`)).toEqual([expect.stringMatching(/Aliases limit/)]);
    const refused = documents.flatMap((doc) => refusals(doc.text).map((message) => `${doc.name}: ${message}`));
    expect(refused).toEqual([]);
    const overCost = documents.map((doc) => ({ name: doc.name, cost: worstCost(doc.text) })).filter((d) => d.cost > QUERY_LIMITS.cost);
    expect(overCost).toEqual([]);
  });
});
