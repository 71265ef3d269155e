// Doc → rows of output: the line structure every renderer shares, so the three formats
// agree on where lines, list markers and blank lines fall (and on what Telegram counts).
import { inlineText, linkLabel } from './inline-utils';
import type { Block, Doc, Inline } from './types';

/** A piece of a row's lead: indentation, a bullet, or an item number. */
export type PrefixPart =
  { kind: 'space'; width: number } | { kind: 'bullet' } | { kind: 'number'; n: number };

/** One output line (a code row may span several lines of code). */
export type Row =
  | { kind: 'text'; quote: boolean; prefix: PrefixPart[]; inlines: Inline[] }
  | { kind: 'code'; quote: boolean; prefix: PrefixPart[]; text: string }
  | { kind: 'blank'; quote: boolean };

/** Renders a prefix, each platform choosing its bullet. */
export function prefixText(prefix: PrefixPart[], bullet: string): string {
  let out = '';
  for (const part of prefix) {
    if (part.kind === 'space') out += ' '.repeat(part.width);
    else if (part.kind === 'bullet') out += `${bullet} `;
    else out += `${part.n}. `;
  }
  return out;
}

/** Splits inline content at line breaks, keeping the styles that were open on each line. */
export function splitLines(nodes: Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const node of nodes) {
    if (node.type === 'break') {
      lines.push([]);
    } else if (node.type === 'text' || node.type === 'code') {
      (lines[lines.length - 1] as Inline[]).push(node);
    } else {
      // An empty link still shows (its address), so it must not vanish with its children.
      const inner = splitLines(node.type === 'link' ? linkLabel(node) : node.children);
      inner.forEach((children, i) => {
        if (i > 0) lines.push([]);
        if (children.length > 0) (lines[lines.length - 1] as Inline[]).push({ ...node, children });
      });
    }
  }
  return lines;
}

function layoutParagraph(children: Inline[], quote: boolean): Row[] {
  if (inlineText(children).trim() === '') return [];
  return splitLines(children).map((inlines) => ({ kind: 'text', quote, prefix: [], inlines }));
}

function markerWidth(part: PrefixPart): number {
  if (part.kind === 'space') return part.width;
  return part.kind === 'bullet' ? 2 : `${part.n}. `.length;
}

function layoutList(block: Extract<Block, { type: 'list' }>, quote: boolean): Row[] {
  const rows: Row[] = [];
  block.items.forEach((item, i) => {
    const marker: PrefixPart = block.ordered
      ? { kind: 'number', n: block.start + i }
      : { kind: 'bullet' };
    const indent: PrefixPart = { kind: 'space', width: markerWidth(marker) };
    const itemRows = layoutBlocks(item, quote, false);
    if (itemRows.length === 0) itemRows.push({ kind: 'text', quote, prefix: [], inlines: [] });
    let first = true;
    for (const row of itemRows) {
      if (row.kind === 'blank') {
        rows.push(row);
        continue;
      }
      rows.push({ ...row, prefix: [first ? marker : indent, ...row.prefix] });
      first = false;
    }
  });
  return rows;
}

function layoutBlock(block: Block, quote: boolean): Row[] {
  switch (block.type) {
    case 'paragraph':
      return layoutParagraph(block.children, quote);
    case 'quote':
      return layoutBlocks(block.children, true, true);
    case 'list':
      return layoutList(block, quote);
    case 'codeblock':
      return block.text.trim() === ''
        ? []
        : [{ kind: 'code', quote, prefix: [], text: block.text }];
  }
}

/** Lays blocks out as rows; top-level and quoted blocks are separated by a blank row. */
export function layoutBlocks(blocks: Block[], quote: boolean, blankBetween: boolean): Row[] {
  const rows: Row[] = [];
  for (const block of blocks) {
    const blockRows = layoutBlock(block, quote);
    if (blockRows.length === 0) continue;
    if (blankBetween && rows.length > 0) rows.push({ kind: 'blank', quote });
    for (const row of blockRows) rows.push(row);
  }
  return rows;
}

/** The rows of a whole document. */
export function layoutDoc(doc: Doc): Row[] {
  return layoutBlocks(doc.blocks, false, true);
}
