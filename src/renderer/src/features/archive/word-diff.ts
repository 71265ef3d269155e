// Word-level differences between two published versions, so a correction shows what it changed.

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Above this many word pairs the comparison would be slow: the texts are shown as replaced. */
const MAX_CELLS = 4_000_000;

/**
 * Each word with the spaces after it (so spacing and line breaks survive the diff); words are
 * compared without them. Leading spaces stay with the first token.
 */
const tokens = (text: string): string[] => text.match(/\s*\S+\s*/g) ?? [];
const key = (token: string): string => token.trim();

/** Merges neighbouring parts of the same kind. */
function joined(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

/** What changed from `before` to `after`, word by word (longest common subsequence). */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const ka = a.map(key);
  const kb = b.map(key);
  if (a.length * b.length > MAX_CELLS) {
    return joined([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]).filter((p) => p.text.length > 0);
  }
  // lcs[i][j]: length of the longest common subsequence of a[i…] and b[j…].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        ka[i] === kb[j]
          ? (lcs[(i + 1) * width + j + 1] as number) + 1
          : Math.max(lcs[(i + 1) * width + j] as number, lcs[i * width + j + 1] as number);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (ka[i] === kb[j]) {
      // The words are the same; the spacing shown is the newer version's.
      parts.push({ kind: 'same', text: b[j] as string });
      i++;
      j++;
    } else if ((lcs[(i + 1) * width + j] as number) >= (lcs[i * width + j + 1] as number)) {
      parts.push({ kind: 'removed', text: a[i++] as string });
    } else {
      parts.push({ kind: 'added', text: b[j++] as string });
    }
  }
  while (i < a.length) parts.push({ kind: 'removed', text: a[i++] as string });
  while (j < b.length) parts.push({ kind: 'added', text: b[j++] as string });
  return joined(parts);
}
