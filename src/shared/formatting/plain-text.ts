// Doc → text with no markup at all (feeds, notifications, search, and Telegram's counter).
import { isSafeHref, linkLabel, sameTarget, inlineText } from './inline-utils';
import { layoutDoc, prefixText } from './layout';
import type { Doc, Inline } from './types';

/** Bullet used wherever a list is written as text (Telegram and plain text). */
export const TEXT_BULLET = '•';

/** Options of toPlain. */
export interface PlainOptions {
  /** Append each link's address after its text, as "text (url)", when the text does not show it. */
  showUrls?: boolean;
}

function plainInline(nodes: Inline[], showUrls: boolean): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'code':
        out += node.text;
        break;
      case 'break':
        out += '\n';
        break;
      case 'link': {
        const label = linkLabel(node);
        out += plainInline(label, showUrls);
        const text = inlineText(label);
        if (
          showUrls &&
          isSafeHref(node.href) &&
          !sameTarget(text, node.href) &&
          text !== node.href
        ) {
          out += ` (${node.href})`;
        }
        break;
      }
      default:
        out += plainInline(node.children, showUrls);
    }
  }
  return out;
}

/**
 * The visible text of a document: lists as "• item" / "1. item", blank lines between blocks,
 * links as their text (or "text (url)" with showUrls). Equals what Telegram displays.
 */
export function toPlain(doc: Doc, opts: PlainOptions = {}): string {
  const showUrls = opts.showUrls ?? false;
  const lines: string[] = [];
  for (const row of layoutDoc(doc)) {
    if (row.kind === 'blank') lines.push('');
    else if (row.kind === 'code') lines.push(prefixText(row.prefix, TEXT_BULLET) + row.text);
    else lines.push(prefixText(row.prefix, TEXT_BULLET) + plainInline(row.inlines, showUrls));
  }
  return lines.join('\n');
}
