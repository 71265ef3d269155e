// The installers' configuration (electron-builder.yml) and the icon it points at. Building the
// installers needs the Electron binary, so `npm run dist` is not part of the tests: this checks
// what it would build from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Configuration } from 'electron-builder';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Width, height, colour type and pixel rows of a PNG, read from its chunks. */
function readPng(bytes: Buffer) {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  let at = 8;
  let header: Buffer | null = null;
  const data: Buffer[] = [];
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('ascii', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  if (!header) throw new Error('no IHDR chunk');
  return {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    bitDepth: header[8],
    colourType: header[9],
    rows: inflateSync(Buffer.concat(data)),
  };
}

describe('electron-builder.yml', () => {
  let config: Configuration;
  beforeAll(async () => {
    config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
  }, 60_000);

  // electron-builder's own schema check; compiling its schema takes a few seconds.
  it('is a configuration electron-builder accepts', { timeout: 60_000 }, async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and packs only the built output, in an asar archive', () => {
    expect(config.appId).toBe('news.channeldesk.desk');
    expect(config.productName).toBe('Channel Desk');
    // getConfig gathers the list into one file set.
    expect(config.files).toEqual([{ filter: ['out/**', 'package.json'] }]);
    expect(config.asar).toBe(true);
    expect(config.icon).toBe('build/icon.png');
    expect(config.directories).toMatchObject({ output: 'dist', buildResources: 'build' });
  });

  it('builds deb and AppImage on Linux, with category, maintainer and description', () => {
    expect(config.linux?.target).toEqual(['deb', 'AppImage']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.linux?.description).toMatch(/newsroom/);
    expect(config.linux?.synopsis).toBeTruthy();
  });

  it('builds a dmg filed under News on macOS and an NSIS installer on Windows', () => {
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.mac?.category).toBe('public.app-category.news');
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
  });
});

describe('the app icon', () => {
  it('is a 512×512 RGBA PNG with a transparent corner and an opaque middle', () => {
    const png = readPng(readFileSync(join(ROOT, 'build', 'icon.png')));
    expect(png).toMatchObject({ width: 512, height: 512, bitDepth: 8, colourType: 6 });
    const stride = 512 * 4 + 1;
    expect(png.rows.length).toBe(stride * 512);
    const alpha = (x: number, y: number) => png.rows[y * stride + 1 + x * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(256, 256)).toBe(255);
  });

  it('has an SVG twin of the same size', () => {
    const svg = readFileSync(join(ROOT, 'build', 'icon.svg'), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*width="512" height="512"/);
    expect(svg).not.toMatch(/<script|on\w+=/i);
  });
});
