// Every translation key the renderer uses exists in English, Italian and French, and nothing else does.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER_DIR = join(import.meta.dirname, '../../src/renderer/src');
const I18N_DIR = join(RENDERER_DIR, 'i18n');
const LANGUAGES = ['en', 'it', 'fr'] as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') {
    out.set(prefix, value);
    return out;
  }
  if (value === null || typeof value !== 'object')
    throw new Error(`${prefix}: not a string or object`);
  for (const [k, v] of Object.entries(value)) {
    for (const [key, text] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(key, text);
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const files = sourceFiles(RENDERER_DIR);
const used = new Map<string, string>();
const dynamicCalls: string[] = [];
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(/\bt\(\s*(['"])([^'"]+)\1/g))
    used.set(m[2]!, relative(RENDERER_DIR, file));
  // A call whose key is not a plain literal (t(key), t(`x.${y}`)) cannot be checked: forbid it.
  for (const m of source.matchAll(/\bt\(\s*([^'")\s])/g))
    dynamicCalls.push(`${relative(RENDERER_DIR, file)}: t(${m[1]}…`);
}
const dictionaries = Object.fromEntries(
  LANGUAGES.map((l) => [l, flatten(JSON.parse(readFileSync(join(I18N_DIR, `${l}.json`), 'utf8')))]),
) as Record<(typeof LANGUAGES)[number], Map<string, string>>;

describe('translation keys', () => {
  it('finds the renderer source and its keys', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(used.size).toBeGreaterThan(50);
  });

  it('uses only literal keys', () => {
    expect(dynamicCalls).toEqual([]);
  });

  for (const lang of LANGUAGES) {
    it(`${lang}.json has every key the renderer uses`, () => {
      const missing = [...used]
        .filter(([k]) => !dictionaries[lang].has(k))
        .map(([k, f]) => `${k} (${f})`);
      expect(missing).toEqual([]);
    });

    it(`${lang}.json has no key the renderer never uses`, () => {
      const unused = [...dictionaries[lang].keys()].filter((k) => !used.has(k));
      expect(unused).toEqual([]);
    });

    it(`${lang}.json has no empty text and the same placeholders as English`, () => {
      const problems: string[] = [];
      for (const [key, text] of dictionaries[lang]) {
        if (!text.trim()) problems.push(`${key}: empty`);
        const english = dictionaries.en.get(key);
        if (english !== undefined && placeholders(english).join() !== placeholders(text).join()) {
          problems.push(
            `${key}: placeholders ${placeholders(text).join()} ≠ ${placeholders(english).join()}`,
          );
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('all three files have the same key set', () => {
    const en = [...dictionaries.en.keys()].sort();
    expect([...dictionaries.it.keys()].sort()).toEqual(en);
    expect([...dictionaries.fr.keys()].sort()).toEqual(en);
  });
});
