// Every translation key the renderer uses exists in English, Italian and French, and nothing else does.
// A key used with a count (`t('x', { count })`) exists as one key per plural form the language has
// (`x_one`, `x_other`, and `x_many` in Italian and French), as i18next looks them up.
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

/** The plural forms i18next looks up in `lang` (CLDR categories, as Intl knows them). */
const pluralForms = (lang: string): string[] =>
  [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

const files = sourceFiles(RENDERER_DIR);
const used = new Map<string, string>();
/** Keys called with a `count` option: they exist as plural forms. */
const plural = new Set<string>();
const dynamicCalls: string[] = [];
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(/\bt\(\s*(['"])([^'"]+)\1(\s*,\s*\{([^{}]*)\})?/g)) {
    used.set(m[2]!, relative(RENDERER_DIR, file));
    // `count` as an option's name (`count: x` or shorthand `count`), not `row.count` as a value.
    if (m[4] !== undefined && /(?:^|[\s,])count\s*(?::|,|$)/.test(m[4])) plural.add(m[2]!);
  }
  // A call whose key is not a plain literal (t(key), t(`x.${y}`)) cannot be checked: forbid it.
  for (const m of source.matchAll(/\bt\(\s*([^'")\s])/g))
    dynamicCalls.push(`${relative(RENDERER_DIR, file)}: t(${m[1]}…`);
}
/** The keys `lang` must hold for the renderer's calls. */
function neededKeys(lang: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, file] of used) {
    if (!plural.has(key)) out.set(key, file);
    else for (const form of pluralForms(lang)) out.set(`${key}_${form}`, file);
  }
  return out;
}

/** A key without its plural suffix when it is a form of a plural key, else the key itself. */
const baseKey = (key: string): string => {
  const base = key.replace(PLURAL_SUFFIX, '');
  return base !== key && plural.has(base) ? base : key;
};

const dictionaries = Object.fromEntries(
  LANGUAGES.map((l) => [l, flatten(JSON.parse(readFileSync(join(I18N_DIR, `${l}.json`), 'utf8')))]),
) as Record<(typeof LANGUAGES)[number], Map<string, string>>;

describe('translation keys', () => {
  it('finds the renderer source, its keys and its plural keys', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(used.size).toBeGreaterThan(50);
    expect(plural.size).toBeGreaterThan(3);
    expect(pluralForms('en')).toEqual(['one', 'other']);
  });

  it('uses only literal keys', () => {
    expect(dynamicCalls).toEqual([]);
  });

  for (const lang of LANGUAGES) {
    it(`${lang}.json has every key the renderer uses, in every plural form of ${lang}`, () => {
      const missing = [...neededKeys(lang)]
        .filter(([k]) => !dictionaries[lang].has(k))
        .map(([k, f]) => `${k} (${f})`);
      expect(missing).toEqual([]);
    });

    it(`${lang}.json has no key the renderer never uses`, () => {
      const needed = neededKeys(lang);
      const unused = [...dictionaries[lang].keys()].filter((k) => !needed.has(k));
      expect(unused).toEqual([]);
    });

    it(`${lang}.json has no empty text and the same placeholders as English`, () => {
      const problems: string[] = [];
      for (const [key, text] of dictionaries[lang]) {
        if (!text.trim()) problems.push(`${key}: empty`);
        // A plural form English lacks ("many") is compared with English's "other".
        const english =
          dictionaries.en.get(key) ??
          (baseKey(key) !== key ? dictionaries.en.get(`${baseKey(key)}_other`) : undefined);
        if (english !== undefined && placeholders(english).join() !== placeholders(text).join()) {
          problems.push(
            `${key}: placeholders ${placeholders(text).join()} ≠ ${placeholders(english).join()}`,
          );
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('all three files have the same keys, plural forms aside', () => {
    const bases = (lang: (typeof LANGUAGES)[number]) =>
      [...new Set([...dictionaries[lang].keys()].map(baseKey))].sort();
    expect(bases('it')).toEqual(bases('en'));
    expect(bases('fr')).toEqual(bases('en'));
  });

  it('every count the renderer shows goes through a plural key', () => {
    // A count interpolated into a fixed sentence ("1 drafts") is what plural keys are for.
    const countedWithoutPlural = [...used.keys()].filter((k) => {
      if (plural.has(k)) return false;
      return /\{\{\s*count\s*\}\}/.test(dictionaries.en.get(k) ?? '');
    });
    expect(countedWithoutPlural).toEqual([]);
  });
});
