// Toolbar: turn the selection into a markdown link, or take an existing link apart.
import type { FormatResult } from './format-edit';

const WHOLE_LINK_RE = /^\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)$/;
const LINK_TAIL_RE = /^\]\(([^)\s]*)\)/;

function escapeLabel(label: string): string {
  return label.replace(/([[\]\\])/g, '\\$1');
}

function unescapeLabel(label: string): string {
  return label.replace(/\\([[\]\\])/g, '$1');
}

// Spaces and parentheses would end the link target early; percent-encoding keeps it whole.
function encodeHref(href: string): string {
  return href
    .trim()
    .replace(
      /[\s()<>]/g,
      (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    );
}

/** Wraps the selection as `[text](href)`; on an existing link, changes its target or unwraps it. */
export function applyLink(
  text: string,
  selStart: number,
  selEnd: number,
  rawHref: string | undefined,
): FormatResult {
  const href = encodeHref(rawHref ?? '');
  const selected = text.slice(selStart, selEnd);
  const whole = WHOLE_LINK_RE.exec(selected);
  const tail = text[selStart - 1] === '[' ? LINK_TAIL_RE.exec(text.slice(selEnd)) : null;
  if (whole || (tail && selStart < selEnd)) {
    const from = whole ? selStart : selStart - 1;
    const to = whole ? selEnd : selEnd + (tail?.[0].length ?? 0);
    const label = whole ? (whole[1] ?? '') : selected;
    if (href !== '') {
      const link = `[${label}](${href})`;
      return {
        text: text.slice(0, from) + link + text.slice(to),
        selStart: from + 1,
        selEnd: from + 1 + label.length,
      };
    }
    const plain = unescapeLabel(label);
    return {
      text: text.slice(0, from) + plain + text.slice(to),
      selStart: from,
      selEnd: from + plain.length,
    };
  }
  const lead = selected.length - selected.trimStart().length;
  const trail = selected.length - selected.trimEnd().length;
  const start = selStart + lead;
  const end = Math.max(start, selEnd - trail);
  const label = start < end ? escapeLabel(text.slice(start, end)) : escapeLabel(href);
  const link = `[${label}](${href})`;
  const out = text.slice(0, start) + link + text.slice(end);
  if (href === '') {
    // No target yet: the caret waits where the editor types next.
    const caret = label === '' ? start + 1 : start + label.length + 3;
    return { text: out, selStart: caret, selEnd: caret };
  }
  return { text: out, selStart: start + 1, selEnd: start + 1 + label.length };
}
