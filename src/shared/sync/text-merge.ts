// Three-way merge of prose: two editors' changes to the same base text, word by word.
import { diff3Merge } from 'node-diff3';

/** Words, runs of whitespace and single punctuation marks: the units a change is measured in. */
function tokens(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu) ?? [];
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
  const regions = diff3Merge(tokens(mine), tokens(base), tokens(theirs), {
    excludeFalseConflicts: true,
  });
  const out: string[] = [];
  for (const region of regions) {
    if (region.conflict) return { clean: false };
    if (region.ok) out.push(...region.ok);
  }
  return { clean: true, text: out.join('') };
}
