import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { en } from './locales/en';
import { it as italian } from './locales/it';

/** Every leaf of a catalog as "a.b.c" → its string. */
function leaves(catalog: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') for (const [k, v] of leaves(value as object, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

const SRC = join(__dirname, '..');
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'locales' || entry.name === 'test-support' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The keys a source file asks for: t('…') / i18n.t('…'), t(`…${x}…`) (a pattern) and
 * <Trans i18nKey="…">. A key with a plural form exists when its _one/_other forms do.
 */
export function usedKeys(source: string): string[] {
  const keys: string[] = [];
  for (const m of source.matchAll(/\b(?:t|tr)\(\s*(['"`])((?:(?!\1)[^\\\n])+)\1/g)) keys.push(m[2]);
  for (const m of source.matchAll(/i18nKey=(?:\{\s*)?(['"`])([^'"`]+)\1/g)) keys.push(m[2]);
  return keys;
}

export function missingKeys(keys: string[], known: Set<string>): string[] {
  const bases = new Set([...known].map((k) => k.replace(/_(one|other|zero|two|few|many)$/, '')));
  return keys.filter((key) => {
    if (!key.includes('${')) return !bases.has(key);
    const pattern = new RegExp(
      `^${key
        .split(/\$\{[^}]*\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^.]+')}$`,
    );
    return ![...bases].some((b) => pattern.test(b));
  });
}

const english = leaves(en);
const italianLeaves = leaves(italian);

it('has the same keys in English and Italian', () => {
  const onlyEnglish = [...english.keys()].filter((k) => !italianLeaves.has(k));
  const onlyItalian = [...italianLeaves.keys()].filter((k) => !english.has(k));
  expect({ onlyEnglish, onlyItalian }).toEqual({ onlyEnglish: [], onlyItalian: [] });
});

it('has no empty or non-string entry in either language', () => {
  const bad = [...[...english].map(([k, v]) => [`en:${k}`, v] as const), ...[...italianLeaves].map(([k, v]) => [`it:${k}`, v] as const)]
    .filter(([, v]) => typeof v !== 'string' || v.trim() === '')
    .map(([k]) => k);
  expect(bad).toEqual([]);
});

it('keeps the same {{placeholders}} in both languages', () => {
  const holes = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  const differ = [...english.keys()].filter((k) => JSON.stringify(holes(english.get(k))) !== JSON.stringify(holes(italianLeaves.get(k))));
  expect(differ).toEqual([]);
});

it('has every key the web app asks for', () => {
  const known = new Set(english.keys());
  const files = sourceFiles(SRC);
  const used = files.flatMap((file) => usedKeys(readFileSync(file, 'utf8')).map((key) => ({ file: relative(SRC, file), key })));
  expect(used.length).toBeGreaterThan(100);
  const missing = used.filter(({ key }) => missingKeys([key], known).length > 0);
  expect(missing).toEqual([]);
});

it('would notice a key the catalog lacks, a plain one or one built from a pattern', () => {
  const known = new Set(english.keys());
  const source =
    "t('kds.queue'); i18n.t('kds.nope'); t(`routes.${key}.title`); t(`routes.${key}.missing`); <Trans i18nKey=\"login.gone\" />; t('kds.ticket.doneOpen', { count })";
  expect(usedKeys(source)).toEqual(['kds.queue', 'kds.nope', 'routes.${key}.title', 'routes.${key}.missing', 'kds.ticket.doneOpen', 'login.gone']);
  expect(missingKeys(usedKeys(source), known)).toEqual(['kds.nope', 'routes.${key}.missing', 'login.gone']);
});
