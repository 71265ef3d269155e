// CRC-32 (IEEE 802.3, the zip/PNG polynomial) of journal lines: each line carries the CRC of its
// JSON so a torn or flipped line is caught. Node's zlib computes it natively (Node ≥ 20.15).
import { crc32 as zlibCrc32 } from 'node:zlib';

/** CRC-32 of `bytes[start, end)`, as an unsigned 32-bit integer. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const view = start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end);
  return zlibCrc32(view) >>> 0;
}

/** The CRC-32 as 8 lowercase hex digits. */
export function crc32Hex(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return crc32(bytes, start, end).toString(16).padStart(8, '0');
}
