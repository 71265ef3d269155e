// Electron's security checklist, asserted where the code and the built page can show it (docs/
// security.md maps each point to its test). The renderer is built here with the project's own
// Vite config into a temporary folder, so the checks read what ships, not the sources alone.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { UserConfig } from 'vite';
import { build, loadConfigFromFile } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_HEADER,
  DEV_CONTENT_SECURITY_POLICY,
} from '../../src/shared/csp';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILD_TIMEOUT_MS = 240_000;

/** Source files under `dir` (tests excluded), paths relative to the repository. */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The files under `dir` whose text matches `pattern`. */
const filesMatching = (dir: string, pattern: RegExp) =>
  sourceFiles(dir).filter((path) => pattern.test(read(path)));

/** A policy as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

/** Throws unless the policy is strict: nothing inline or eval'd, nothing remote, no plugins. */
function assertStrictPolicy(policy: string): void {
  const d = directives(policy);
  expect(d.get('default-src')).toEqual(["'self'"]);
  expect(d.get('script-src')).toEqual(["'self'"]);
  expect(d.get('style-src')).toEqual(["'self'"]);
  expect(d.get('object-src')).toEqual(["'none'"]);
  expect(d.get('base-uri')).toEqual(["'none'"]);
  expect(d.get('form-action')).toEqual(["'none'"]);
  for (const [name, sources] of d) {
    for (const source of sources) {
      expect(source, name).not.toMatch(/unsafe-(?:eval|inline|hashes)|wasm-unsafe-eval|^\*$/);
      // Remote origins: only the local sync socket may be named (ws on loopback).
      if (/:\/\//.test(source)) expect(source, name).toMatch(/^ws:\/\/(?:127\.0\.0\.1|localhost):/);
      expect(source, name).not.toMatch(/^(?:https?:|wss?:|ftp:)$/);
    }
  }
}

describe('strict CSP', () => {
  it('the policy (meta and header) allows nothing inline, eval’d or remote', () => {
    assertStrictPolicy(CONTENT_SECURITY_POLICY);
    assertStrictPolicy(CONTENT_SECURITY_POLICY_HEADER);
    // A <meta> cannot carry frame-ancestors; the header (host and Electron session) does.
    expect(directives(CONTENT_SECURITY_POLICY_HEADER).get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives(CONTENT_SECURITY_POLICY).has('frame-ancestors')).toBe(false);
    // The relaxed policy exists for the dev server only, and never evals.
    expect(DEV_CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('the checker refuses a loose policy, so the test above can fail', () => {
    for (const loose of [
      CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"),
      CONTENT_SECURITY_POLICY.replace("img-src 'self'", "img-src 'self' https://cdn.example"),
      CONTENT_SECURITY_POLICY.replace("object-src 'none'", "object-src 'self'"),
      CONTENT_SECURITY_POLICY.replace("; base-uri 'none'", ''),
    ]) {
      expect(() => assertStrictPolicy(loose)).toThrow();
    }
  });

  it('the Electron session gets the header policy; dev gets the relaxed one only with a dev server', () => {
    const main = read('src/main/index.ts');
    expect(main).toMatch(
      /applySessionSecurity\([^)]*devServerUrl \? DEV_CONTENT_SECURITY_POLICY_HEADER : CONTENT_SECURITY_POLICY_HEADER/,
    );
  });
});

describe('the built renderer', () => {
  let out = '';
  let html = '';
  let assets: { name: string; text: string }[] = [];

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'desk-hardening-'));
    const loaded = await loadConfigFromFile(
      { command: 'build', mode: 'production' },
      join(ROOT, 'electron.vite.config.ts'),
    );
    const renderer = (loaded?.config as { renderer: UserConfig }).renderer;
    await build({
      ...renderer,
      root: join(ROOT, renderer.root ?? ''),
      base: './',
      configFile: false,
      logLevel: 'silent',
      build: { ...renderer.build, outDir: out, emptyOutDir: true, reportCompressedSize: false },
    });
    html = await readFile(join(out, 'index.html'), 'utf8');
    const names = await readdir(join(out, 'assets'));
    assets = await Promise.all(
      names.map(async (name) => ({
        name,
        text: await readFile(join(out, 'assets', name), 'utf8'),
      })),
    );
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('carries the strict CSP in a meta tag that comes before any script', () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
    assertStrictPolicy(meta?.[1] ?? '');
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  it('loads no remote content and runs no inline script or style', () => {
    for (const m of html.matchAll(/<(script|link|img|iframe|source|video|audio)\b[^>]*>/g)) {
      const url = /\s(?:src|href)="([^"]*)"/.exec(m[0])?.[1] ?? '';
      expect(url, m[0]).not.toMatch(/^(?:[a-z]+:)?\/\//i);
      if (m[1] === 'script') expect(url, 'an inline script').not.toBe('');
    }
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    const css = assets.filter((a) => a.name.endsWith('.css'));
    expect(css.length).toBeGreaterThan(0);
    for (const file of css) {
      expect(file.text, file.name).not.toMatch(/@import/i);
      for (const m of file.text.matchAll(/url\(\s*['"]?([^'")]*)/g)) {
        expect(m[1], file.name).toMatch(/^(?:data:|\.{0,2}\/?[\w./-]+$|#)/);
        expect(m[1], file.name).not.toMatch(/^(?:[a-z]+:)?\/\//i);
      }
    }
  });

  it('the bundle uses no Node (require, process, __dirname, node: modules) and never evals', () => {
    const js = assets.filter((a) => a.name.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    for (const file of js) {
      expect(file.text, file.name).not.toMatch(/\brequire\(|__dirname|__filename|["']node:/);
      expect(file.text, file.name).not.toMatch(/\beval\(|new Function\(/);
      // A library may check for Node and fall back (React reports errors so): every use of
      // `process.` must sit behind such a `typeof process` check.
      for (const m of file.text.matchAll(/\bprocess\./g)) {
        const before = file.text.slice(Math.max(0, m.index - 80), m.index);
        expect(before, `${file.name}: process. unguarded`).toMatch(/typeof process/);
      }
    }
  });
});

describe('no Node in the renderer, isolation and sandbox', () => {
  it('the window factory isolates and sandboxes the page and keeps Node out', async () => {
    vi.doMock('electron', () => ({}));
    const { mainWindowWebPreferences } = await import('../../src/main/web-preferences');
    expect(mainWindowWebPreferences('/p.cjs')).toEqual(
      expect.objectContaining({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      }),
    );
    vi.doUnmock('electron');
  });

  it('every window the shell opens goes through that factory', () => {
    const makers = filesMatching('src/main', /new BrowserWindow\(/);
    expect(makers).toEqual(['src/main/window.ts']);
    expect(read('src/main/window.ts')).toMatch(/webPreferences: mainWindowWebPreferences\(/);
  });

  it('the renderer’s sources import no Node module and never write HTML', () => {
    const files = sourceFiles('src/renderer/src');
    expect(files.length).toBeGreaterThan(50);
    for (const path of files) {
      const text = read(path);
      expect(text, path).not.toMatch(/from ['"](?:node:|fs|path|child_process|electron)['"]/);
      // Untrusted text reaches the page only as React text nodes.
      expect(text, path).not.toMatch(
        /dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|srcDoc/,
      );
    }
  });

  it('the preload imports nothing but electron and its own files, and never hands out ipcRenderer', () => {
    // (src/preload/index.test.ts checks the exact functions it exposes.)
    const preload = sourceFiles('src/preload').map(read).join('\n');
    for (const m of preload.matchAll(/^import (?!type )[^;]*from ['"]([^'"]+)['"]/gm)) {
      expect(m[1]).toMatch(/^(?:electron|\.\.?\/.*)$/);
    }
    expect(preload).toMatch(/exposeInMainWorld\(/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});

describe('navigation, links and IPC stay in the shell’s hands', () => {
  it('URLs open outside only after the allow-list check (or are the app’s own constants)', () => {
    const calls = filesMatching('src', /\bopenExternal\(/).flatMap((path) =>
      [...read(path).matchAll(/\bopenExternal\(([^)]*)\)/g)].map((m) => ({ path, arg: m[1] })),
    );
    expect(calls.length).toBeGreaterThan(0);
    for (const { path, arg } of calls) {
      if (path === 'src/main/security.ts') continue;
      // Anywhere else only a fixed address of ours may be opened, never text from the page.
      expect(arg, path).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
    expect(read('src/main/security.ts')).toMatch(
      /if \(!isAllowedExternalUrl\(url\)\) \{[^}]*return;\s*\}\s*shell\.openExternal\(url\)/,
    );
  });

  it('every web contents is hardened as it is created', () => {
    expect(read('src/main/index.ts')).toMatch(
      /app\.on\('web-contents-created', \(_event, contents\) => hardenWebContents\(contents, isAppUrl\)\)/,
    );
  });

  it('IPC is handled only where the sender is checked', () => {
    expect(filesMatching('src', /ipcMain\.(?:handle|on|once|handleOnce)\(/)).toEqual([
      'src/main/ipc.ts',
    ]);
    const ipc = read('src/main/ipc.ts');
    // Every listener registered there reads the sender's frame before anything else.
    const registered = [...ipc.matchAll(/ipcMain\.(?:handle|on)\(/g)].length;
    expect(registered).toBeGreaterThan(0);
    expect([...ipc.matchAll(/senderFrame\?\.url/g)].length).toBeGreaterThanOrEqual(registered);
  });
});

describe('secrets only in safeStorage', () => {
  it('the desktop app stores the hub token encrypted by the OS keychain, never in plain text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'desk-secrets-'));
    const encryptString = vi.fn((plain: string) =>
      Buffer.from(`enc:${[...plain].reverse().join('')}`),
    );
    const decryptString = vi.fn((stored: Buffer) =>
      [...stored.toString('utf8').slice(4)].reverse().join(''),
    );
    vi.doMock('electron', () => ({
      safeStorage: { isEncryptionAvailable: () => true, encryptString, decryptString },
    }));
    try {
      const { createSafeStorageSecrets } = await import('../../src/main/safe-storage-secrets');
      const secrets = createSafeStorageSecrets(dir);
      await secrets.set('hub-token', 'tok-SECRET-123');
      const files = await readdir(join(dir, 'secrets'));
      for (const name of files) {
        expect(await readFile(join(dir, 'secrets', name), 'utf8')).not.toContain('tok-SECRET-123');
      }
      expect(encryptString).toHaveBeenCalledWith('tok-SECRET-123');
      expect(await secrets.get('hub-token')).toBe('tok-SECRET-123');
      expect(secrets.protection).toMatch(/keychain/);
    } finally {
      vi.doUnmock('electron');
      await rm(dir, { recursive: true, force: true });
    }
    expect(read('src/main/index.ts')).toMatch(/secrets: createSafeStorageSecrets\(dataDir\)/);
  });
});
