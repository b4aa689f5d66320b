import { readFileSync } from 'node:fs';
import { getNamedType, GraphQLObjectType } from 'graphql';
import { schema } from './schema';
import { renderSchemaSdl, SCHEMA_FILE } from './schema-sdl';

it('matches the committed schema.graphql', () => {
  const committed = readFileSync(SCHEMA_FILE, 'utf8');
  if (committed !== renderSchemaSdl()) {
    throw new Error('schema.graphql is out of date with api/graphql/schema: run `npm run schema:print` and commit the result');
  }
});

/** Every root field either names a permission or is one of the deliberate exceptions. */
it("declares a permission on every root field except login, refresh, logout, the sign-up, the one-time links and the caller's own: me, changePassword, setMyLocale, myShifts, clockIn, clockOut", () => {
  const PUBLIC = ['login', 'logout', 'refresh', 'redeemAccessLink', 'signUpEnabled', 'signUp'];
  const TOKEN_ONLY = ['me', 'changePassword', 'setMyLocale', 'myShifts', 'clockIn', 'clockOut'];
  const permissions: Record<string, string> = {};
  for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
    for (const [name, field] of Object.entries(root.getFields())) {
      const options = (field.extensions as { pothosOptions?: { authScopes?: Record<string, unknown>; skipTypeScopes?: boolean } }).pothosOptions;
      if (PUBLIC.includes(name)) {
        expect([name, options?.skipTypeScopes]).toEqual([name, true]);
      } else if (TOKEN_ONLY.includes(name)) {
        expect(options?.authScopes).toEqual({ authenticated: true });
      } else {
        expect([name, typeof options?.authScopes?.permission]).toEqual([name, 'string']);
        permissions[name] = options!.authScopes!.permission as string;
      }
    }
  }
  // The operations table in docs/permissions.md lists the same permission for each operation.
  const doc = readFileSync(require.resolve('../../docs/permissions.md'), 'utf8').split('## Operations')[1];
  const undocumented = Object.entries(permissions)
    .filter(([name, permission]) => {
      const row = doc.split('\n').find((line) => line.startsWith('|') && line.includes(`\`${name}\``));
      return !row?.trim().endsWith(`| \`${permission}\` |`);
    })
    .map(([name, permission]) => `${name} needs ${permission}: add it to the Operations table of docs/permissions.md`);
  expect(undocumented).toEqual([]);
  expect(getNamedType(schema.getQueryType()!.getFields().stations.type)).toBeInstanceOf(GraphQLObjectType);
});
