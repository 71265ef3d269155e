// Draws Channel Desk's icon (build/icon.png, 512×512, and build/icon.svg, the same drawing) for
// electron-builder. Run `node scripts/make-icon.mjs` after changing the drawing; both files are
// committed, so packaging never needs this script. PNG written by hand with node:zlib.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
// 4×4 samples per pixel: smooth edges without a graphics library.
const SAMPLES = 4;

const BLUE_TOP = [47, 111, 219];
const BLUE_BOTTOM = [25, 79, 159];
const WHITE = [255, 255, 255];
const ORANGE = [245, 158, 11];

// The drawing, in the 512-unit square: a rounded tile, three lines of text (an update being
// written) and a dot (the time it goes out).
const TILE = { x: 32, y: 32, w: 448, h: 448, r: 104 };
const BARS = [
  { x: 112, y: 150, w: 288, h: 44 },
  { x: 112, y: 234, w: 224, h: 44 },
  { x: 112, y: 318, w: 140, h: 44 },
];
const DOT = { cx: 356, cy: 340, r: 52 };

function inRoundedRect(x, y, { x: rx, y: ry, w, h, r }) {
  const cx = Math.min(Math.max(x, rx + r), rx + w - r);
  const cy = Math.min(Math.max(y, ry + r), ry + h - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= rx && x <= rx + w && y >= ry && y <= ry + h;
}

/** The colour and coverage at one sample point, or null outside the tile. */
function colourAt(x, y) {
  if (!inRoundedRect(x, y, TILE)) return null;
  if ((x - DOT.cx) ** 2 + (y - DOT.cy) ** 2 <= (DOT.r + 14) ** 2) {
    // A ring of the tile's colour keeps the dot apart from the bar under it.
    if ((x - DOT.cx) ** 2 + (y - DOT.cy) ** 2 <= DOT.r ** 2) return ORANGE;
  } else if (BARS.some((b) => inRoundedRect(x, y, { ...b, r: b.h / 2 }))) {
    return WHITE;
  }
  const t = (y - TILE.y) / TILE.h;
  return BLUE_TOP.map((c, i) => Math.round(c + (BLUE_BOTTOM[i] - c) * t));
}

function drawPixels() {
  const rows = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let py = 0; py < SIZE; py++) {
    const row = py * (SIZE * 4 + 1);
    rows[row] = 0; // filter: none
    for (let px = 0; px < SIZE; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          hits++;
        }
      }
      const at = row + 1 + px * 4;
      if (hits === 0) continue;
      rows[at] = Math.round(r / hits);
      rows[at + 1] = Math.round(g / hits);
      rows[at + 2] = Math.round(b / hits);
      rows[at + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES));
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(drawPixels(), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const hex = (c) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

function svg() {
  const bars = BARS.map(
    (b) =>
      `  <rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="${b.h / 2}" fill="#ffffff"/>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">`,
    '  <title>Channel Desk</title>',
    '  <defs>',
    // In the drawing's own units, so the ring around the dot matches the tile behind it.
    `    <linearGradient id="tile" gradientUnits="userSpaceOnUse" x1="0" y1="${TILE.y}" x2="0" y2="${TILE.y + TILE.h}">`,
    `      <stop offset="0" stop-color="${hex(BLUE_TOP)}"/>`,
    `      <stop offset="1" stop-color="${hex(BLUE_BOTTOM)}"/>`,
    '    </linearGradient>',
    '  </defs>',
    `  <rect x="${TILE.x}" y="${TILE.y}" width="${TILE.w}" height="${TILE.h}" rx="${TILE.r}" fill="url(#tile)"/>`,
    ...bars,
    `  <circle cx="${DOT.cx}" cy="${DOT.cy}" r="${DOT.r + 14}" fill="url(#tile)"/>`,
    `  <circle cx="${DOT.cx}" cy="${DOT.cy}" r="${DOT.r}" fill="${hex(ORANGE)}"/>`,
    '</svg>',
    '',
  ].join('\n');
}

const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
mkdirSync(buildDir, { recursive: true });
writeFileSync(join(buildDir, 'icon.png'), png());
writeFileSync(join(buildDir, 'icon.svg'), svg());
console.log(`wrote ${join(buildDir, 'icon.png')} and icon.svg`);
