// A real PNG built by hand (signature, IHDR, IDAT, IEND), so the browser can decode it and the
// desk makes a thumbnail, without shipping a binary fixture.
import { crc32, deflateSync } from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BIT_DEPTH = 8;
const COLOUR_TYPE_RGB = 2;
const BYTES_PER_PIXEL = 3;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** An RGB gradient image of `width`×`height` pixels, encoded as PNG. */
export function makeGradientPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(BIT_DEPTH, 8);
  header.writeUInt8(COLOUR_TYPE_RGB, 9);
  // Compression, filter and interlace methods: the only defined values are 0.
  const rowBytes = 1 + width * BYTES_PER_PIXEL;
  const raw = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y++) {
    raw[y * rowBytes] = 0; // filter type "None" for every scanline
    for (let x = 0; x < width; x++) {
      const at = y * rowBytes + 1 + x * BYTES_PER_PIXEL;
      raw[at] = Math.round((x / Math.max(1, width - 1)) * 255);
      raw[at + 1] = Math.round((y / Math.max(1, height - 1)) * 255);
      raw[at + 2] = 160;
    }
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
