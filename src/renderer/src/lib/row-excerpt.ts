// The second line of a list row: the excerpt without the words the title already shows.
// The engine's excerpt is the whole text on one line, so it starts with the title; comparing
// letters and digits only makes the match blind to markup, bullets and spacing.

const WORD_CHAR = /[\p{L}\p{N}]/u;
const ELLIPSIS = '…';

/**
 * What `excerpt` says beyond `title`: the text after the title's words when the excerpt starts
 * with them (with a leading "…" when the title was cut short), '' when nothing is left, and the
 * whole excerpt when it does not start with the title.
 */
export function excerptBeyondTitle(title: string, excerpt: string): string {
  const cut = title.endsWith(ELLIPSIS);
  const head = cut ? title.slice(0, -ELLIPSIS.length) : title;
  const wanted = Array.from(head).filter((c) => WORD_CHAR.test(c));
  if (wanted.length === 0) return excerpt.trim();
  const chars = Array.from(excerpt);
  let matched = 0;
  let end = 0;
  while (end < chars.length && matched < wanted.length) {
    const c = chars[end]!;
    if (WORD_CHAR.test(c)) {
      if (c.toLocaleLowerCase() !== wanted[matched]!.toLocaleLowerCase()) return excerpt.trim();
      matched += 1;
    }
    end += 1;
  }
  if (matched < wanted.length) return excerpt.trim();
  // The title's closing punctuation ("!", "?", ":") belongs to the title too.
  const tail = Array.from(head.slice(head.search(/[\p{L}\p{N}][^\p{L}\p{N}]*$/u) + 1).trim());
  let t = 0;
  while (end < chars.length && t < tail.length) {
    if (/\s/.test(chars[end]!)) end += 1;
    else if (chars[end] === tail[t]) {
      end += 1;
      t += 1;
    } else break;
  }
  // A list or quote marker that opened the next line is markup, not words (the excerpt has no
  // line breaks left to make it a list).
  const rest = chars
    .slice(end)
    .join('')
    .replace(/^\s*(?:[-*•>]\s+)*/u, '')
    .trim();
  if (!WORD_CHAR.test(rest)) return '';
  return cut ? `${ELLIPSIS}${rest}` : rest;
}
