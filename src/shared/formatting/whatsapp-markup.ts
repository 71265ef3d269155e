// Doc → WhatsApp markup: *bold*, _italic_, ~strike~, `code`, ```mono```, > quote, - / 1. lists.
import { inlineText, isSafeHref, linkLabel, sameTarget } from './inline-utils';
import { layoutDoc, prefixText, type Row } from './layout';
import { WA_BULLET, closesSpan, opensSpan } from './whatsapp-rules';
import type { Doc, Inline } from './types';

type Marker = '*' | '_' | '~';

interface Run {
  text: string;
  code: boolean;
  marks: Marker[];
}

type SpanNode =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'mark'; marker: Marker; children: SpanNode[] };

type Tok = { t: 'text'; s: string } | { t: 'open' | 'close'; s: Marker; pair: number };

const MARKER_OF = { bold: '*', italic: '_', strike: '~' } as const;
const ORDER: Marker[] = ['*', '_', '~'];

function collectRuns(nodes: Inline[], marks: Marker[], out: Run[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'code':
        if (node.text !== '') out.push({ text: node.text, code: node.type === 'code', marks });
        break;
      case 'break':
        out.push({ text: '\n', code: false, marks });
        break;
      case 'link': {
        const label = linkLabel(node);
        collectRuns(label, marks, out);
        const text = inlineText(label);
        if (isSafeHref(node.href) && !sameTarget(text, node.href) && text !== node.href) {
          out.push({ text: ` (${node.href})`, code: false, marks });
        }
        break;
      }
      default: {
        const marker = MARKER_OF[node.type];
        const next = marks.includes(marker)
          ? marks
          : ORDER.filter((m) => m === marker || marks.includes(m));
        collectRuns(node.children, next, out);
      }
    }
  }
}

// Runs → a tree with one span per stretch of a style, so `*a _b_ c*` stays one bold span.
function buildTree(runs: Run[]): SpanNode[] {
  const root: SpanNode[] = [];
  const stack: { marker: Marker; children: SpanNode[] }[] = [];
  for (const run of runs) {
    let common = 0;
    while (common < stack.length && stack[common]?.marker === run.marks[common]) common++;
    stack.length = common;
    for (let i = common; i < run.marks.length; i++) {
      const node: SpanNode = { kind: 'mark', marker: run.marks[i] as Marker, children: [] };
      (stack[i - 1]?.children ?? root).push(node);
      stack.push(node);
    }
    (stack[stack.length - 1]?.children ?? root).push({
      kind: run.code ? 'code' : 'text',
      text: run.text,
    });
  }
  return root;
}

function codeTokens(text: string): Tok[] {
  const core = text.trim();
  const lead = text.slice(0, text.length - text.trimStart().length);
  const trail = text.slice(text.trimEnd().length);
  let body: string;
  if (core === '') body = '';
  else if (!core.includes('`')) body = `\`${core}\``;
  else if (!core.includes('```') && !core.startsWith('`') && !core.endsWith('`'))
    body = `\`\`\`${core}\`\`\``;
  else body = core; // WhatsApp has no way to quote these backticks: show the text as is.
  return [lead, body, trail].filter((s) => s !== '').map((s) => ({ t: 'text', s }));
}

// Spaces never sit just inside a marker (WhatsApp ignores `* bold *`): they move outside,
// and a span with nothing left inside loses its markers.
function nodeTokens(node: SpanNode, pairs: { next: number }): Tok[] {
  if (node.kind === 'text') return [{ t: 'text', s: node.text }];
  if (node.kind === 'code') return codeTokens(node.text);
  const inner = node.children.flatMap((child) => nodeTokens(child, pairs));
  let lead = '';
  while (inner[0]?.t === 'text') {
    const first = inner[0];
    const body = first.s.trimStart();
    lead += first.s.slice(0, first.s.length - body.length);
    if (body !== '') {
      inner[0] = { t: 'text', s: body };
      break;
    }
    inner.shift();
  }
  let trail = '';
  while (inner[inner.length - 1]?.t === 'text') {
    const last = inner[inner.length - 1] as Tok;
    const body = last.s.trimEnd();
    trail = last.s.slice(body.length) + trail;
    if (body !== '') {
      inner[inner.length - 1] = { t: 'text', s: body };
      break;
    }
    inner.pop();
  }
  const pair = pairs.next++;
  const body: Tok[] =
    inner.length > 0
      ? [{ t: 'open', s: node.marker, pair }, ...inner, { t: 'close', s: node.marker, pair }]
      : [];
  return [
    ...(lead === '' ? [] : [{ t: 'text', s: lead } as Tok]),
    ...body,
    ...(trail === '' ? [] : [{ t: 'text', s: trail } as Tok]),
  ];
}

// WhatsApp only reads a marker at a word edge (`news*room*` stays literal), so a span whose
// markers would not be read loses them; dropping one can expose another, hence the loop.
function dropUnreadableMarkers(toks: Tok[]): Tok[] {
  const live = toks.map(() => true);
  for (let changed = true; changed;) {
    changed = false;
    const prev: (string | undefined)[] = [];
    const next: (string | undefined)[] = [];
    let last: string | undefined;
    toks.forEach((tok, i) => {
      prev[i] = last;
      if (live[i] && tok.s !== '') last = tok.s[tok.s.length - 1];
    });
    last = undefined;
    for (let i = toks.length - 1; i >= 0; i--) {
      next[i] = last;
      const tok = toks[i] as Tok;
      if (live[i] && tok.s !== '') last = tok.s[0];
    }
    const openAt = new Map<number, number>();
    toks.forEach((tok, i) => {
      if (!live[i] || tok.t === 'text') return;
      if (tok.t === 'open') {
        openAt.set(tok.pair, i);
        return;
      }
      const o = openAt.get(tok.pair) as number;
      if (!opensSpan(prev[o], next[o]) || !closesSpan(prev[i], next[i])) {
        live[o] = false;
        live[i] = false;
        changed = true;
      }
    });
  }
  return toks.filter((_, i) => live[i]);
}

function inlineMarkup(nodes: Inline[]): string {
  const runs: Run[] = [];
  collectRuns(nodes, [], runs);
  const pairs = { next: 0 };
  const toks = buildTree(runs).flatMap((node) => nodeTokens(node, pairs));
  return dropUnreadableMarkers(toks)
    .map((tok) => tok.s)
    .join('');
}

function rowMarkup(row: Row): string {
  if (row.kind === 'blank') return '';
  const quote = row.quote ? '> ' : '';
  const prefix = prefixText(row.prefix, WA_BULLET);
  if (row.kind === 'text') return quote + prefix + inlineMarkup(row.inlines);
  // Later lines of a code block are indented to the item's text, so they stay in the item.
  const [first = '', ...rest] = `\`\`\`${row.text}\`\`\``.split('\n');
  const indent = ' '.repeat(prefix.length);
  return [quote + prefix + first, ...rest.map((line) => quote + indent + line)].join('\n');
}

/** Renders a Doc as WhatsApp markup, ready to paste into a Channel update. */
export function toWhatsApp(doc: Doc): string {
  return layoutDoc(doc).map(rowMarkup).join('\n');
}
