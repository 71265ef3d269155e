// WhatsApp markup → Doc, as WhatsApp displays it: the model for a faithful preview.
import { pushInline, wellFormed } from './inline-utils';
import type { Block, Doc, Inline } from './types';
import { parseWhatsAppLine } from './whatsapp-inline';
import { WA_LIST_RE, WA_QUOTE_RE } from './whatsapp-rules';

// Past this depth quotes and lists are read as plain lines, so hostile input stays linear.
const MAX_BLOCK_DEPTH = 16;
const FENCE = '```';

interface Reader {
  lines: string[];
  /** For each line, the first line at or after it that ends a fence (lines.length if none). */
  fenceEnd: number[];
  depth: number;
}

function reader(lines: string[], depth: number): Reader {
  const fenceEnd = new Array<number>(lines.length + 1).fill(lines.length);
  for (let i = lines.length - 1; i >= 0; i--) {
    fenceEnd[i] = (lines[i] as string).trimEnd().endsWith(FENCE) ? i : (fenceEnd[i + 1] as number);
  }
  return { lines, fenceEnd, depth };
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function readFence(r: Reader, i: number): { block: Block; next: number } | null {
  const first = r.lines[i] as string;
  if (!first.startsWith(FENCE)) return null;
  const sameLine = first.trimEnd();
  if (sameLine.length > 2 * FENCE.length && sameLine.endsWith(FENCE)) {
    return {
      block: { type: 'codeblock', text: sameLine.slice(FENCE.length, -FENCE.length) },
      next: i + 1,
    };
  }
  const end = r.fenceEnd[i + 1] ?? r.lines.length;
  if (end >= r.lines.length) return null;
  const last = (r.lines[end] as string).trimEnd();
  const text = [
    first.slice(FENCE.length),
    ...r.lines.slice(i + 1, end),
    last.slice(0, -FENCE.length),
  ].join('\n');
  return text.trim() === '' ? null : { block: { type: 'codeblock', text }, next: end + 1 };
}

function readQuote(r: Reader, i: number): { block: Block; next: number } {
  const inner: string[] = [];
  let j = i;
  for (; j < r.lines.length; j++) {
    const m = WA_QUOTE_RE.exec(r.lines[j] as string);
    if (!m) break;
    inner.push(m[1] ?? '');
  }
  return { block: { type: 'quote', children: parseBlocks(reader(inner, r.depth + 1)) }, next: j };
}

function readList(r: Reader, i: number, head: RegExpExecArray): { block: Block; next: number } {
  const base = (head[1] as string).length;
  const ordered = head[3] !== undefined;
  const list: Extract<Block, { type: 'list' }> = {
    type: 'list',
    ordered,
    start: Number(head[3] ?? 1),
    items: [],
  };
  let j = i;
  while (j < r.lines.length) {
    const m = WA_LIST_RE.exec(r.lines[j] as string);
    if (!m || (m[1] as string).length !== base || (m[3] !== undefined) !== ordered) break;
    // Lines indented to the item's text belong to the item (its wrapped lines, nested lists).
    const column = base + (m[2] ?? `${m[3]}.`).length + 1;
    const itemLines = [m[4] as string];
    for (j++; j < r.lines.length; j++) {
      const line = r.lines[j] as string;
      if (line === '' || Math.min(indentOf(line), line.length) < column) break;
      itemLines.push(line.slice(column));
    }
    list.items.push(parseBlocks(reader(itemLines, r.depth + 1)));
  }
  return { block: list, next: j };
}

// Cheap test (no parsing) so a paragraph can stop where a block starts.
function startsBlock(r: Reader, i: number): boolean {
  if (r.depth >= MAX_BLOCK_DEPTH) return false;
  const line = r.lines[i] as string;
  return WA_QUOTE_RE.test(line) || WA_LIST_RE.test(line) || readFence(r, i) !== null;
}

function readBlock(r: Reader, i: number): { block: Block; next: number } | null {
  if (!startsBlock(r, i)) return null;
  const line = r.lines[i] as string;
  if (WA_QUOTE_RE.test(line)) return readQuote(r, i);
  const list = WA_LIST_RE.exec(line);
  return list ? readList(r, i, list) : readFence(r, i);
}

function parseBlocks(r: Reader): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < r.lines.length) {
    if (isBlank(r.lines[i] as string)) {
      i++;
      continue;
    }
    const read = readBlock(r, i);
    if (read) {
      blocks.push(read.block);
      i = read.next;
      continue;
    }
    const children: Inline[] = [];
    do {
      if (children.length > 0) children.push({ type: 'break' });
      for (const node of parseWhatsAppLine(r.lines[i] as string)) pushInline(children, node);
      i++;
    } while (i < r.lines.length && !isBlank(r.lines[i] as string) && !startsBlock(r, i));
    blocks.push({ type: 'paragraph', children });
  }
  return blocks;
}

/** Parses WhatsApp markup into the Doc WhatsApp would display (for previews). */
export function parseWhatsApp(markup: string): Doc {
  const lines = wellFormed(markup).replace(/\r\n?/g, '\n').split('\n');
  return { blocks: parseBlocks(reader(lines, 0)) };
}
