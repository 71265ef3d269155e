// A one-line title for lists of updates.
import { parseSource } from './parse-source';
import { toPlain } from './plain-text';

const DEFAULT_TITLE_CHARS = 80;
// Only the start of a long text is parsed: a title never needs more.
const TITLE_SOURCE_CHARS = 4000;

function graphemes(text: string): string[] {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    return Array.from(
      new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text),
      (s) => s.segment,
    );
  }
  return Array.from(text);
}

/** First non-empty line of a source text as plain text, cut to maxChars with an ellipsis. */
export function titleOf(text: string, maxChars: number = DEFAULT_TITLE_CHARS): string {
  const start = text.search(/\S/);
  if (start < 0) return '';
  const head = text.slice(start, start + TITLE_SOURCE_CHARS);
  const firstBlock = head.split(/\n[ \t]*\n/, 1)[0] ?? '';
  const plain = toPlain(parseSource(firstBlock));
  const line = (plain.split('\n').find((l) => l.trim() !== '') ?? firstBlock.split('\n')[0] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const limit = Math.max(1, Math.floor(maxChars));
  const chars = graphemes(line);
  if (chars.length <= limit) return line;
  return `${chars
    .slice(0, limit - 1)
    .join('')
    .trimEnd()}…`;
}
