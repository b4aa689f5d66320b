import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './schema';

/** The committed copy at the repo root; reviewers see API changes as a diff of this file. */
export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', 'schema.graphql');

const HEADER = '# Generated from api/graphql/schema by `npm run schema:print`. Do not edit by hand.\n\n';

/** Sorted so that moving code between files never shows up as a schema change. */
export function renderSchemaSdl(): string {
  return `${HEADER}${printSchema(lexicographicSortSchema(schema))}\n`;
}
