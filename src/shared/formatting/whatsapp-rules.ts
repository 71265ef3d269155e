// How WhatsApp reads its markup, shared by the writer and the reader so the two agree.

/** Bullet WhatsApp lists are written with. */
export const WA_BULLET = '-';

const WORD_CHAR_RE = /[\p{L}\p{N}]/u;
const SPACE_RE = /\s/;

/** A marker opens a span only at a word edge and right before a non-space character. */
export function opensSpan(before: string | undefined, after: string | undefined): boolean {
  return (
    (before === undefined || !WORD_CHAR_RE.test(before)) &&
    after !== undefined &&
    !SPACE_RE.test(after)
  );
}

/** A marker closes a span only right after a non-space character and at a word edge. */
export function closesSpan(before: string | undefined, after: string | undefined): boolean {
  return (
    before !== undefined &&
    !SPACE_RE.test(before) &&
    (after === undefined || !WORD_CHAR_RE.test(after))
  );
}

/** A list line: indentation, a bullet (- or *) or a number, one space, the item text. */
export const WA_LIST_RE = /^( *)(?:([-*])|(\d{1,10})\.) (.*)$/;

/** A quote line: "> " then the quoted text (a lone ">" quotes an empty line). */
export const WA_QUOTE_RE = /^>(?: (.*))?$/;

/** Bare links WhatsApp makes clickable. */
export const WA_URL_RE = /(?<![\p{L}\p{N}])(?:https?:\/\/|www\.|mailto:)[^\s]+/giu;
