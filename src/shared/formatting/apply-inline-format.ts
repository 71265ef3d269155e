// Toolbar: wrap or unwrap inline markers (bold, italic, strike, code) around a selection.
import { lineEnd, type FormatResult } from './format-edit';

export type InlineAction = 'bold' | 'italic' | 'strike' | 'code';

// The list or quote marker at the start of a line is never wrapped with the line's text.
const LINE_PREFIX_RE = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?/;
const WORD_CHAR_RE = /[\p{L}\p{N}]/u;

interface Segment {
  start: number;
  end: number;
}

function segmentsOf(text: string, selStart: number, selEnd: number): Segment[] {
  const segments: Segment[] = [];
  for (let from = selStart; from < selEnd;) {
    const to = Math.min(lineEnd(text, from), selEnd);
    let start = from;
    if (start === 0 || text[start - 1] === '\n') {
      start += LINE_PREFIX_RE.exec(text.slice(start, to))?.[0].length ?? 0;
    }
    let end = to;
    while (start < end && /\s/.test(text[start] as string)) start++;
    while (end > start && /\s/.test(text[end - 1] as string)) end--;
    if (start < end) segments.push({ start, end });
    from = to + 1;
  }
  return segments;
}

function markersFor(action: InlineAction, text: string, seg: Segment): string[] {
  switch (action) {
    case 'bold':
      return ['**'];
    case 'strike':
      return ['~~'];
    case 'code':
      return ['`'];
    case 'italic': {
      // `_` does not work inside a word in markdown (snake_case stays as typed); `*` does.
      const inWord =
        WORD_CHAR_RE.test(text[seg.start - 1] ?? '') || WORD_CHAR_RE.test(text[seg.end] ?? '');
      return inWord ? ['*', '_'] : ['_', '*'];
    }
  }
}

// A single `*` must not be half of a `**`.
function loneStar(text: string, at: number, marker: string, outward: number): boolean {
  return marker !== '*' || text[at + outward] !== '*';
}

type Wrapped = { kind: 'outside' | 'inside'; marker: string } | null;

function wrappedBy(text: string, seg: Segment, markers: string[]): Wrapped {
  for (const m of markers) {
    const n = m.length;
    if (
      text.slice(seg.start - n, seg.start) === m &&
      text.slice(seg.end, seg.end + n) === m &&
      loneStar(text, seg.start - n, m, -1) &&
      loneStar(text, seg.end + n - 1, m, 1)
    ) {
      return { kind: 'outside', marker: m };
    }
    if (
      seg.end - seg.start > 2 * n &&
      text.startsWith(m, seg.start) &&
      text.slice(seg.end - n, seg.end) === m &&
      loneStar(text, seg.start, m, 1) &&
      loneStar(text, seg.end - 1, m, -1)
    ) {
      return { kind: 'inside', marker: m };
    }
  }
  return null;
}

function codeFence(content: string): string {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(longest + 1);
}

function wrapSegment(
  text: string,
  seg: Segment,
  action: InlineAction,
  marker: string,
): [string, string] {
  if (action !== 'code') return [marker, marker];
  const content = text.slice(seg.start, seg.end);
  const fence = codeFence(content);
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return [fence + pad, pad + fence];
}

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

// Where an offset of the old text lands once the edits (sorted, disjoint) are applied.
function mapOffset(p: number, edits: Edit[], side: 'start' | 'end'): number {
  let shift = 0;
  for (const e of edits) {
    if (p > e.at + e.remove) shift += e.insert.length - e.remove;
    else if (p >= e.at) return e.at + shift + (side === 'end' ? e.insert.length : 0);
    else break;
  }
  return p + shift;
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = '';
  let from = 0;
  for (const e of edits) {
    out += text.slice(from, e.at) + e.insert;
    from = e.at + e.remove;
  }
  return out + text.slice(from);
}

function emptyPair(text: string, at: number, action: InlineAction): FormatResult {
  const markers = markersFor(action, text, { start: at, end: at });
  for (const m of markers) {
    const n = m.length;
    if (
      text.slice(at - n, at) === m &&
      text.startsWith(m, at) &&
      loneStar(text, at - n, m, -1) &&
      loneStar(text, at + n - 1, m, 1)
    ) {
      return { text: text.slice(0, at - n) + text.slice(at + n), selStart: at - n, selEnd: at - n };
    }
  }
  const m = markers[0] as string;
  return {
    text: text.slice(0, at) + m + m + text.slice(at),
    selStart: at + m.length,
    selEnd: at + m.length,
  };
}

/** Wraps each line of the selection in the action's markers, or unwraps them if all are wrapped. */
export function applyInlineFormat(
  text: string,
  selStart: number,
  selEnd: number,
  action: InlineAction,
): FormatResult {
  const segments = segmentsOf(text, selStart, selEnd);
  if (segments.length === 0) return emptyPair(text, selStart, action);
  const states = segments.map((seg) => wrappedBy(text, seg, markersFor(action, text, seg)));
  const unwrap = states.every((state) => state !== null);
  const edits: Edit[] = [];
  let content: Segment = segments[0] as Segment;
  segments.forEach((seg, i) => {
    const state = states[i] ?? null;
    content = seg;
    if (unwrap && state) {
      const n = state.marker.length;
      if (state.kind === 'inside') content = { start: seg.start + n, end: seg.end - n };
      edits.push(
        { at: content.start - n, remove: n, insert: '' },
        { at: content.end, remove: n, insert: '' },
      );
    } else if (!unwrap && !state) {
      const [open, close] = wrapSegment(
        text,
        seg,
        action,
        markersFor(action, text, seg)[0] as string,
      );
      edits.push(
        { at: seg.start, remove: 0, insert: open },
        { at: seg.end, remove: 0, insert: close },
      );
    }
  });
  const out = applyEdits(text, edits);
  if (segments.length === 1) {
    return {
      text: out,
      selStart: mapOffset(content.start, edits, 'end'),
      selEnd: mapOffset(content.end, edits, 'start'),
    };
  }
  return {
    text: out,
    selStart: mapOffset(selStart, edits, 'start'),
    selEnd: mapOffset(selEnd, edits, 'end'),
  };
}
