// Three-way merge of prose: two editors' changes to the same base text, word by word.
//
// Each side is diffed against the base with Myers' O((N+M)·D) algorithm, after trimming what all
// three share at both ends; the two sets of changes are then merged the way diff3 does. (The LCS
// of node-diff3, used before, is cubic on prose — every space is the same token — and took 80 s for
// 4,000 words.) Changes beyond MAX_EDIT_TOKENS on one side are not merged: the caller keeps both.

/** Words, runs of whitespace and single punctuation marks: the units a change is measured in. */
function tokens(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu) ?? [];
}

/** Most tokens one side may change before the merge gives up (and the caller keeps both texts). */
export const MAX_EDIT_TOKENS = 2000;

/** One side's change to the base: base[start, end) became `insert`. */
interface Hunk {
  start: number;
  end: number;
  insert: number[];
}

// Myers' greedy forward search; returns the matched (base, other) index pairs, in order, or null
// when more than `maxEdits` insertions and deletions would be needed.
function matches(a: Int32Array, b: Int32Array, maxEdits: number): Array<[number, number]> | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    // V as it was before round d, for k in [-d-1, d+1] (index k + d + 1).
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
  }
  return null;
}

// Walks the rounds back from (n, m): each round ended in a diagonal run of matches, reached by one
// insertion (from diagonal k+1) or deletion (from k-1) off the previous round's furthest point.
function backtrack(trace: Int32Array[], depth: number, n: number, m: number) {
  const pairs: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = depth; d >= 0; d--) {
    const v = trace[d]!;
    const at = (k: number) => v[k + d + 1]!;
    const k = x - y;
    let prevX = 0;
    let prevY = 0;
    let runStart = 0;
    if (d > 0) {
      const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
      prevX = at(prevK);
      prevY = prevX - prevK;
      runStart = prevK === k + 1 ? prevX : prevX + 1;
    }
    while (x > runStart) {
      x--;
      y--;
      pairs.push([x, y]);
    }
    x = prevX;
    y = prevY;
  }
  return pairs.reverse();
}

function hunksOf(a: Int32Array, b: Int32Array, maxEdits: number): Hunk[] | null {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  const aMid = a.subarray(prefix, a.length - suffix);
  const bMid = b.subarray(prefix, b.length - suffix);
  const pairs = matches(aMid, bMid, maxEdits);
  if (pairs === null) return null;
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  for (const [mi, mj] of [...pairs, [aMid.length, bMid.length] as [number, number]]) {
    if (mi > i || mj > j) {
      hunks.push({ start: prefix + i, end: prefix + mi, insert: [...bMid.subarray(j, mj)] });
    }
    i = mi + 1;
    j = mj + 1;
  }
  return hunks;
}

/** The base region [start, end) with one side's hunks (all inside it) applied. */
function applyHunks(base: Int32Array, start: number, end: number, hunks: Hunk[]): number[] {
  const out: number[] = [];
  let at = start;
  for (const h of hunks) {
    out.push(...base.subarray(at, h.start), ...h.insert);
    at = h.end;
  }
  out.push(...base.subarray(at, end));
  return out;
}

const sameTokens = (x: number[], y: number[]) =>
  x.length === y.length && x.every((t, i) => t === y[i]);

// diff3: changes of the two sides that touch (or meet at) the same base tokens form one region;
// a region changed by one side takes that side's version, by both sides only if they agree.
function merge3(base: Int32Array, mine: Hunk[], theirs: Hunk[]): number[] | null {
  const all = [
    ...mine.map((h) => ({ h, mine: true })),
    ...theirs.map((h) => ({ h, mine: false })),
  ].sort((p, q) => p.h.start - q.h.start);
  const out: number[] = [];
  let at = 0;
  for (let i = 0; i < all.length;) {
    const start = all[i]!.h.start;
    let end = all[i]!.h.end;
    const group = [all[i++]!];
    while (i < all.length && all[i]!.h.start <= end) {
      end = Math.max(end, all[i]!.h.end);
      group.push(all[i++]!);
    }
    out.push(...base.subarray(at, start));
    const ours = group.filter((g) => g.mine).map((g) => g.h);
    const other = group.filter((g) => !g.mine).map((g) => g.h);
    const oursText = applyHunks(base, start, end, ours);
    if (other.length > 0) {
      const otherText = applyHunks(base, start, end, other);
      if (ours.length > 0 && !sameTokens(oursText, otherText)) return null;
      out.push(...otherText);
    } else {
      out.push(...oursText);
    }
    at = end;
  }
  out.push(...base.subarray(at));
  return out;
}

export type TextMergeResult = { clean: true; text: string } | { clean: false };

/**
 * Merges `mine` and `theirs`, both edited from `base`. Clean when their changes touch different
 * words (or make the same change); otherwise nothing is merged and the caller keeps both texts.
 */
export function mergeText(base: string, mine: string, theirs: string): TextMergeResult {
  if (mine === theirs) return { clean: true, text: mine };
  if (mine === base) return { clean: true, text: theirs };
  if (theirs === base) return { clean: true, text: mine };
  const ids = new Map<string, number>();
  const words: string[] = [];
  const encode = (text: string) =>
    Int32Array.from(tokens(text), (t) => {
      let id = ids.get(t);
      if (id === undefined) {
        id = words.push(t) - 1;
        ids.set(t, id);
      }
      return id;
    });
  const o = encode(base);
  const a = encode(mine);
  const b = encode(theirs);
  const mineHunks = hunksOf(o, a, MAX_EDIT_TOKENS);
  const theirHunks = mineHunks && hunksOf(o, b, MAX_EDIT_TOKENS);
  if (!mineHunks || !theirHunks) return { clean: false };
  const merged = merge3(o, mineHunks, theirHunks);
  return merged ? { clean: true, text: merged.map((id) => words[id]).join('') } : { clean: false };
}
