// Shared vocabulary of the toolbar transforms.

/** A toolbar action. */
export type FormatAction =
  'bold' | 'italic' | 'strike' | 'code' | 'codeblock' | 'quote' | 'bullets' | 'numbers' | 'link';

/** A text with its selection, in UTF-16 offsets (what a textarea reports). */
export interface FormatResult {
  text: string;
  selStart: number;
  selEnd: number;
}

/** Start of the line holding offset `at`. */
export function lineStart(text: string, at: number): number {
  // lastIndexOf treats a negative start as 0 and would find a newline at offset 0.
  return at <= 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
}

/** End of the line holding offset `at` (the offset of its newline, or the text's length). */
export function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end;
}

/** Whole lines touched by a selection; a selection ending right after a newline stops before it. */
export function lineRange(text: string, selStart: number, selEnd: number): [number, number] {
  const last = selEnd > selStart && text[selEnd - 1] === '\n' ? selEnd - 1 : selEnd;
  return [lineStart(text, selStart), lineEnd(text, last)];
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Orders and clamps a selection, and widens it so it never splits a surrogate pair. */
export function normalizeSelection(
  text: string,
  selStart: number,
  selEnd: number,
): [number, number] {
  const clamp = (n: number): number =>
    Math.min(text.length, Math.max(0, Number.isFinite(n) ? Math.floor(n) : 0));
  let start = Math.min(clamp(selStart), clamp(selEnd));
  let end = Math.max(clamp(selStart), clamp(selEnd));
  if (start > 0 && isLowSurrogate(text, start)) start--;
  if (end > start && end < text.length && isLowSurrogate(text, end)) end++;
  return [start, end];
}
