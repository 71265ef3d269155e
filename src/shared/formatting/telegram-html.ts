// Doc → Telegram Bot API HTML (parse_mode "HTML"): only b, i, s, code, pre, a href, blockquote.
import { isSafeHref, linkLabel } from './inline-utils';
import { layoutDoc, prefixText, type Row } from './layout';
import { TEXT_BULLET } from './plain-text';
import type { Doc, Inline } from './types';

interface Run {
  text: string;
  code: boolean;
  bold: boolean;
  italic: boolean;
  strike: boolean;
  href: string | null;
}

/** Escapes text for Telegram HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

type RunStyle = Omit<Run, 'text' | 'code'>;

function run(style: RunStyle, text: string, code: boolean): Run {
  return {
    text,
    code,
    bold: style.bold,
    italic: style.italic,
    strike: style.strike,
    href: style.href,
  };
}

function collectRuns(nodes: Inline[], style: RunStyle, out: Run[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'code':
        if (node.text !== '') out.push(run(style, node.text, node.type === 'code'));
        break;
      case 'break':
        out.push(run(style, '\n', false));
        break;
      case 'link': {
        // Telegram links cannot nest, and an unsafe target is shown as plain text.
        const linked = style.href === null && isSafeHref(node.href);
        collectRuns(linkLabel(node), linked ? { ...style, href: node.href } : style, out);
        break;
      }
      default:
        collectRuns(
          node.children,
          {
            bold: style.bold || node.type === 'bold',
            italic: style.italic || node.type === 'italic',
            strike: style.strike || node.type === 'strike',
            href: style.href,
          },
          out,
        );
    }
  }
}

interface Tag {
  key: string;
  open: string;
  close: string;
}

const BOLD: Tag = { key: 'b', open: '<b>', close: '</b>' };
const ITALIC: Tag = { key: 'i', open: '<i>', close: '</i>' };
const STRIKE: Tag = { key: 's', open: '<s>', close: '</s>' };
const CODE: Tag = { key: 'code', open: '<code>', close: '</code>' };

// Telegram: b/i/s may not overlap code, and code may not sit inside a link; so inline code
// stands alone, and code inside a link is shown as linked text. A fixed order of tags per run
// keeps the nesting proper whatever the source looked like.
function tagsOf(run: Run): Tag[] {
  if (run.code && run.href === null) return [CODE];
  const tags: Tag[] = [];
  if (run.href !== null) {
    tags.push({ key: `a ${run.href}`, open: `<a href="${escapeAttr(run.href)}">`, close: '</a>' });
  }
  if (run.bold) tags.push(BOLD);
  if (run.italic) tags.push(ITALIC);
  if (run.strike) tags.push(STRIKE);
  return tags;
}

function inlineHtml(nodes: Inline[]): string {
  const runs: Run[] = [];
  collectRuns(nodes, { bold: false, italic: false, strike: false, href: null }, runs);
  let html = '';
  let open: Tag[] = [];
  for (const run of runs) {
    const wanted = tagsOf(run);
    let common = 0;
    while (
      common < open.length &&
      common < wanted.length &&
      open[common]?.key === wanted[common]?.key
    )
      common++;
    for (let i = open.length - 1; i >= common; i--) html += (open[i] as Tag).close;
    for (let i = common; i < wanted.length; i++) html += (wanted[i] as Tag).open;
    open = wanted;
    html += escapeHtml(run.text);
  }
  for (let i = open.length - 1; i >= 0; i--) html += (open[i] as Tag).close;
  return html;
}

function rowHtml(row: Row): string {
  if (row.kind === 'blank') return '';
  const prefix = escapeHtml(prefixText(row.prefix, TEXT_BULLET));
  if (row.kind === 'code') return `${prefix}<pre>${escapeHtml(row.text)}</pre>`;
  return prefix + inlineHtml(row.inlines);
}

// Telegram blockquotes cannot nest or hold a pre, so quoted text rows (and the blank rows
// between them) form flat blockquotes, and a code block closes the quote around it.
function quotedRows(rows: Row[]): boolean[] {
  const quoted = rows.map((row) => row.kind === 'text' && row.quote);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Row;
    if (row.kind !== 'blank' || !row.quote) continue;
    let before = i - 1;
    while (before >= 0 && rows[before]?.kind === 'blank') before--;
    let after = i + 1;
    while (after < rows.length && rows[after]?.kind === 'blank') after++;
    quoted[i] =
      before >= 0 && after < rows.length && quoted[before] === true && quoted[after] === true;
  }
  return quoted;
}

/** Renders a Doc as Telegram Bot API HTML; every tag in the output is one we produced. */
export function toTelegramHtml(doc: Doc): string {
  const rows = layoutDoc(doc);
  const quoted = quotedRows(rows);
  let html = '';
  rows.forEach((row, i) => {
    if (i > 0) html += '\n';
    if (quoted[i] && !quoted[i - 1]) html += '<blockquote>';
    html += rowHtml(row);
    if (quoted[i] && !quoted[i + 1]) html += '</blockquote>';
  });
  return html;
}
