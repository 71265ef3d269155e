// Toolbar transforms on the composer's text and selection.
import { applyInlineFormat } from './apply-inline-format';
import { applyCodeBlock, applyLineFormat } from './apply-line-format';
import { applyLink } from './apply-link';
import { normalizeSelection, type FormatAction, type FormatResult } from './format-edit';

/**
 * Applies a toolbar action to the text and selection (UTF-16 offsets): wraps, or inserts an
 * empty pair at the caret, or toggles the format off when it is already there.
 */
export function applyFormat(
  text: string,
  selStart: number,
  selEnd: number,
  action: FormatAction,
  opts: { href?: string } = {},
): FormatResult {
  const [start, end] = normalizeSelection(text, selStart, selEnd);
  switch (action) {
    case 'bold':
    case 'italic':
    case 'strike':
    case 'code':
      return applyInlineFormat(text, start, end, action);
    case 'quote':
    case 'bullets':
    case 'numbers':
      return applyLineFormat(text, start, end, action);
    case 'codeblock':
      return applyCodeBlock(text, start, end);
    case 'link':
      return applyLink(text, start, end, opts.href);
  }
}
