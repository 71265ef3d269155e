// The text side of @-mentions: where a mention is being typed, inserting a colleague's name, and
// which picked colleagues the text still names when it is posted.

/** A colleague who can be mentioned. */
export interface Mentionable {
  id: string;
  name: string;
}

/** What is typed after "@" at the caret. `start` is the index of the "@". */
export interface MentionQuery {
  start: number;
  query: string;
}

// Names have spaces ("Olga Owner"), so the query may too, but a mention is never this long.
const MAX_QUERY_CHARS = 40;

/**
 * The mention being typed at `caret`, or null: an "@" at the start of the text or after a space,
 * with no line break between it and the caret. An e-mail address ("a@b.org") is not a mention.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && !/\s/.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (query.length > MAX_QUERY_CHARS || /[\n@]/.test(query) || /^\s/.test(query)) return null;
  return { start: at, query };
}

/** Case- and accent-insensitive form for matching ("jose" finds "José"). */
const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');

/** Colleagues whose name (or any word of it) starts with `query`, in the order given. */
export function matchMembers<M extends Mentionable>(members: M[], query: string, max = 8): M[] {
  const q = fold(query.trim());
  const hits = members.filter((m) => {
    const name = fold(m.name);
    return name.startsWith(q) || name.split(/\s+/).some((word) => word.startsWith(q));
  });
  return hits.slice(0, max);
}

/** Replaces the typed "@query" with "@Name " and says where the caret goes. */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  const after = text.slice(caret).replace(/^ /, '');
  return {
    text: text.slice(0, mention.start) + inserted + after,
    caret: mention.start + inserted.length,
  };
}

/**
 * The ids of the picked colleagues whose "@Name" is still in the text (deleting the name drops
 * the mention), each once, in the order picked.
 */
export function mentionedIds(text: string, picked: Mentionable[]): string[] {
  const ids: string[] = [];
  for (const p of picked) {
    if (!ids.includes(p.id) && text.includes(`@${p.name}`)) ids.push(p.id);
  }
  return ids;
}
