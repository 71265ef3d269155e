// Fuzzy filtering for the command palette: the typed letters must appear in order in a command's
// label (or its extra words); letters that start words or follow each other rank it higher.

/** Lower case without accents, so "modifica" finds "Modifié" and "citta" finds "Città". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
}

const WORD_START_BONUS = 8;
const RUN_BONUS = 5;
const FIRST_LETTER_BONUS = 10;

/**
 * How well `query` matches `text`: null when the letters do not all appear in order, otherwise a
 * score (higher is better). Spaces in the query are ignored.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = foldText(query).replace(/\s+/g, '');
  if (q.length === 0) return 0;
  const t = foldText(text);
  // Jumping ahead to word starts ranks better but can use up the letters a later one needs.
  const eager = scoreWith(q, t, true);
  return eager ?? scoreWith(q, t, false);
}

const isWordBreak = (c: string | undefined) => c !== undefined && /[\s\-–—:·/(]/.test(c);

function scoreWith(q: string, t: string, preferWordStarts: boolean): number | null {
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const letter of q) {
    // Prefer the next occurrence that starts a word; else the next occurrence at all.
    let at = -1;
    for (let i = t.indexOf(letter, from); i >= 0; i = t.indexOf(letter, i + 1)) {
      if (!preferWordStarts || i === previous + 1 || i === 0 || isWordBreak(t[i - 1])) {
        at = i;
        break;
      }
      if (at < 0) at = i;
    }
    if (at < 0) return null;
    if (at === 0) score += FIRST_LETTER_BONUS;
    else if (isWordBreak(t[at - 1])) score += WORD_START_BONUS;
    if (at === previous + 1) score += RUN_BONUS;
    // Letters far apart rank lower.
    score -= Math.min(at - previous - 1, 10) * 0.1;
    previous = at;
    from = at + 1;
  }
  return score;
}

/** The items that match, best first; items that score the same keep their order. */
export function fuzzyFilter<T>(
  items: readonly T[],
  query: string,
  textOf: (item: T) => string,
): T[] {
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    const score = fuzzyScore(query, textOf(item));
    if (score !== null) scored.push({ item, score, index });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((s) => s.item);
}
