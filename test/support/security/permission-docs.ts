import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Test-only: the two tables of docs/permissions.md, read generically (any number of roles,
 * permissions and operations), because the docs are the contract the tests hold the code to.
 */
export const PERMISSIONS_DOC = path.join(__dirname, '..', '..', '..', 'docs', 'permissions.md');

export interface PermissionDocs {
  /** The Matrix header's role columns, in order. */
  roles: string[];
  /** Permission → the roles with a ✅ in its row, in the Matrix's row order. */
  matrix: Map<string, Set<string>>;
  /** Operation (root field) → its permission, or the text of a non-permission cell ("none …", "any valid token"). */
  operations: Map<string, { permission: string } | { note: string }>;
}

const cellsOf = (line: string) =>
  line
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());

/** The lines of a `## Title` section's table, header first, separator row dropped. */
function tableOf(doc: string, title: string): string[][] {
  const section = doc.split(`\n## ${title}\n`)[1]?.split('\n## ')[0];
  if (!section) throw new Error(`docs/permissions.md has no "## ${title}" section`);
  return section
    .split('\n')
    .filter((line) => line.trim().startsWith('|') && !/^\|[\s|:-]+\|$/.test(line.trim()))
    .map(cellsOf);
}

const unquote = (cell: string) => cell.replace(/`/g, '').trim();

export function readPermissionDocs(markdown = readFileSync(PERMISSIONS_DOC, 'utf8')): PermissionDocs {
  const [header, ...rows] = tableOf(markdown, 'Matrix');
  const roles = header.slice(1);
  const matrix = new Map<string, Set<string>>();
  for (const [permission, ...cells] of rows) {
    matrix.set(unquote(permission), new Set(roles.filter((_, i) => cells[i] === '✅')));
  }
  const operations: PermissionDocs['operations'] = new Map();
  for (const [names, access] of tableOf(markdown, 'Operations').slice(1)) {
    const permission = /^`([^`]+)`$/.exec(access)?.[1];
    for (const name of names.match(/`[^`]+`/g) ?? []) {
      operations.set(unquote(name), permission ? { permission } : { note: access });
    }
  }
  return { roles, matrix, operations };
}
