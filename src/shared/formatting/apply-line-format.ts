// Toolbar: line-level formats (quote, bullets, numbers, code block) over the selected lines.
import { lineEnd, lineRange, lineStart, type FormatResult } from './format-edit';

export type LineAction = 'quote' | 'bullets' | 'numbers';

const QUOTE_RE = /^>[ \t]?/;
const BULLET_RE = /^([ \t]*)[-*+][ \t]+/;
const NUMBER_RE = /^([ \t]*)\d{1,9}[.)][ \t]+/;
const FENCE_RE = /^[ \t]*```/;

function hasPrefix(line: string, action: LineAction): boolean {
  if (action === 'quote') return QUOTE_RE.test(line);
  return (action === 'bullets' ? BULLET_RE : NUMBER_RE).test(line);
}

function stripPrefix(line: string, action: LineAction): string {
  if (action === 'quote') return line.replace(QUOTE_RE, '');
  return line.replace(BULLET_RE, '$1').replace(NUMBER_RE, '$1');
}

const MARKER: Record<LineAction, string> = { quote: '>', bullets: '-', numbers: '1.' };

function addPrefix(line: string, action: LineAction, n: number): string {
  if (action === 'quote') return `> ${line}`;
  // Switching between bullets and numbers replaces the other marker instead of stacking.
  const bare = line.replace(BULLET_RE, '$1').replace(NUMBER_RE, '$1');
  const indent = /^[ \t]*/.exec(bare)?.[0] ?? '';
  return `${indent}${action === 'bullets' ? '-' : `${n}.`} ${bare.slice(indent.length)}`;
}

function prefixLines(lines: string[], action: LineAction): string[] {
  // A lone empty line gets its marker (the caret goes after it); empty lines among others
  // stay as they are in lists and become ">" in quotes, so the quote does not split in two.
  const only = lines[0] ?? '';
  if (lines.length === 1 && only.trim() === '') {
    return [action === 'quote' ? `> ${only}` : `${only}${MARKER[action]} `];
  }
  let n = 0;
  return lines.map((line) => {
    if (line.trim() === '') return action !== 'quote' ? line : line === '' ? '>' : `> ${line}`;
    n++;
    return addPrefix(line, action, n);
  });
}

/** Prefixes every selected line (or strips the prefix when every non-empty line has it). */
export function applyLineFormat(
  text: string,
  selStart: number,
  selEnd: number,
  action: LineAction,
): FormatResult {
  const [from, to] = lineRange(text, selStart, selEnd);
  const lines = text.slice(from, to).split('\n');
  const filled = lines.filter((line) => line.trim() !== '');
  const remove = filled.length > 0 && filled.every((line) => hasPrefix(line, action));
  const block = (
    remove ? lines.map((line) => stripPrefix(line, action)) : prefixLines(lines, action)
  ).join('\n');
  // Only blank lines selected for a list: nothing to do, and the selection stays as it was.
  if (block === text.slice(from, to)) return { text, selStart, selEnd };
  const out = text.slice(0, from) + block + text.slice(to);
  if (selStart === selEnd && lines.length === 1) {
    const caret = Math.min(
      from + block.length,
      Math.max(from, selStart + block.length - (to - from)),
    );
    return { text: out, selStart: caret, selEnd: caret };
  }
  return { text: out, selStart: from, selEnd: from + block.length };
}

function isFence(line: string | undefined): boolean {
  return line !== undefined && FENCE_RE.test(line) && line.trim().replace(/^`+/, '').trim() === '';
}

/**
 * Fences the selected lines (or the caret's line; an empty line gets an empty block with the
 * caret inside) as a code block, or removes the fences around them.
 */
export function applyCodeBlock(text: string, selStart: number, selEnd: number): FormatResult {
  const [from, to] = lineRange(text, selStart, selEnd);
  const lines = text.slice(from, to).split('\n');
  const before = from > 0 ? text.slice(lineStart(text, from - 1), from - 1) : undefined;
  const after = to < text.length ? text.slice(to + 1, lineEnd(text, to + 1)) : undefined;
  if (isFence(before) && isFence(after) && before !== undefined && after !== undefined) {
    const start = from - before.length - 1;
    const out = text.slice(0, start) + text.slice(from, to) + text.slice(to + 1 + after.length);
    return { text: out, selStart: start, selEnd: start + (to - from) };
  }
  if (lines.length >= 2 && isFence(lines[0]) && isFence(lines[lines.length - 1])) {
    const inner = lines.slice(1, -1).join('\n');
    return {
      text: text.slice(0, from) + inner + text.slice(to),
      selStart: from,
      selEnd: from + inner.length,
    };
  }
  const body = text.slice(from, to);
  const block = `\`\`\`\n${body}\n\`\`\``;
  const out = text.slice(0, from) + block + text.slice(to);
  // An empty block keeps the caret inside; otherwise the whole block, fences included, stays
  // selected, so pressing the button again finds both fences and takes them away.
  if (body === '') return { text: out, selStart: from + 4, selEnd: from + 4 };
  return { text: out, selStart: from, selEnd: from + block.length };
}
