import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfSettings } from './conf-settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-settings-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('createConfSettings', () => {
  it('starts with no locale', () => {
    expect(createConfSettings(dir).get()).toEqual({ locale: null });
  });

  it('keeps a locale in <dataDir>/settings.json across instances', () => {
    expect(createConfSettings(dir).set({ locale: 'it' })).toEqual({ locale: 'it' });
    expect(createConfSettings(dir).get()).toEqual({ locale: 'it' });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      locale: 'it',
    });
  });

  it('leaves the locale alone when a patch does not mention it', () => {
    const settings = createConfSettings(dir);
    settings.set({ locale: 'fr' });
    expect(settings.set({})).toEqual({ locale: 'fr' });
  });

  it('ignores a hand-edited locale it does not know', () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ locale: 'xx' }));
    expect(createConfSettings(dir).get()).toEqual({ locale: null });
  });

  it('starts even when the file is not JSON', () => {
    writeFileSync(join(dir, 'settings.json'), '{not json');
    const settings = createConfSettings(dir);
    expect(settings.get()).toEqual({ locale: null });
    expect(settings.set({ locale: 'en' })).toEqual({ locale: 'en' });
  });
});
