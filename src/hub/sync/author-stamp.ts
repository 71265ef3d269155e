// Who created a copy, as the hub records it: the member whose push or import created it. Desks
// never set or change it (the archive searches by it, so it must not be made up).
import type { UpdateDoc } from '../../shared/sync/protocol';
import type { UserRef } from '../../shared/sync/merge';

/**
 * The copy as the hub stores it: a new copy (`from` null) carries `by` as its author; an existing
 * one keeps the author it had (none, for copies made before authors were kept), whatever came in.
 */
export function stampAuthor(by: UserRef, from: UpdateDoc | null, to: UpdateDoc): UpdateDoc {
  if (from === null) return { ...to, author: { id: by.id, name: by.name } };
  if (from.author) return { ...to, author: from.author };
  if (to.author === undefined) return to;
  const rest = { ...to };
  delete rest.author;
  return rest;
}
