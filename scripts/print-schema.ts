import { writeFileSync } from 'node:fs';
import { renderSchemaSdl, SCHEMA_FILE } from '../api/graphql/schema-sdl';

// Writes schema.graphql; api/graphql/schema.test.ts fails when the committed copy is stale.
writeFileSync(SCHEMA_FILE, renderSchemaSdl());
console.log(`Wrote ${SCHEMA_FILE}`);
