// Files dragged onto the composer: whether a drag carries files, and which of them it may attach.

/** True when a drag carries files (not text or a link dragged from the page). */
export function dragHasFiles(types: readonly string[] | DOMStringList): boolean {
  return Array.from(types as Iterable<string>).includes('Files');
}

/**
 * True when `file` matches an `accept` list such as "image/*,application/pdf,.docx" — the same
 * rule the file picker applies, which a drop skips.
 */
export function acceptsFile(file: { name: string; type: string }, accept: string): boolean {
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return accept
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a !== '')
    .some((a) => {
      if (a.startsWith('.')) return name.endsWith(a);
      if (a.endsWith('/*')) return type.startsWith(a.slice(0, -1));
      return type === a;
    });
}
