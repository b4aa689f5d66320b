import fs from 'node:fs';
import path from 'node:path';
import { Kind, print, type DocumentNode } from 'graphql';

/**
 * Test-only (Jest): every GraphQL operation the web app can send, as the text it sends. Each module
 * of web/src that writes a document with the `graphql` tag of web/src/api/graphql.ts is loaded
 * with that tag wrapped to record what it builds (most documents are module constants, some
 * private to their module), so a new screen's query is included without being listed anywhere.
 */
export interface WebDocument {
  /** e.g. `ConsoleOrders (web/src/console/console-api.ts)`. */
  name: string;
  /** What the app sends: the operation with its fragments (web/src/api/graphql.ts documentText). */
  text: string;
}

const ROOT = path.resolve(__dirname, '..', '..');
const WEB_SRC = path.join(ROOT, 'web', 'src');
const TAG_MODULE = path.join(WEB_SRC, 'api', 'graphql.ts');

export async function loadWebDocuments(): Promise<WebDocument[]> {
  const recorded: Array<{ document: DocumentNode; file: string }> = [];
  jest.doMock(TAG_MODULE, () => {
    const actual = jest.requireActual<typeof import('../../web/src/api/graphql')>(TAG_MODULE);
    const recording = (...args: Parameters<typeof actual.graphql>) => {
      const document = actual.graphql(...args);
      recorded.push({ document, file: callerFile() });
      return document;
    };
    return { ...actual, graphql: Object.assign(recording, actual.graphql) };
  });
  // Screens import their styles; Vite bundles them, Node cannot load them.
  for (const css of sourceFiles(WEB_SRC, /\.css$/)) jest.doMock(css, () => ({}));

  for (const file of sourceFiles(WEB_SRC, /\.tsx?$/)) {
    if (/\.test\.tsx?$|\.d\.ts$|[/\\]test-support[/\\]/.test(file) || file === TAG_MODULE) continue;
    if (!/\bgraphql\(/.test(fs.readFileSync(file, 'utf8'))) continue;
    await import(file);
  }

  return recorded.flatMap(({ document, file }) =>
    document.definitions.flatMap((d) =>
      d.kind === Kind.OPERATION_DEFINITION ? [{ name: `${d.name?.value ?? 'anonymous'} (${file})`, text: print(document) }] : [],
    ),
  );
}

/** The web module that called the tag (the frame after this file's and the tag module's). */
function callerFile(): string {
  const frames = new Error().stack?.split('\n') ?? [];
  const caller = frames.map((line) => /\((.*?):\d+:\d+\)$|at (.*?):\d+:\d+$/.exec(line)).find((m) => m && (m[1] ?? m[2]).startsWith(WEB_SRC));
  return caller ? path.relative(ROOT, caller[1] ?? caller[2]) : 'web/src';
}

function sourceFiles(dir: string, pattern: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full, pattern) : pattern.test(entry.name) ? [full] : [];
  });
}
