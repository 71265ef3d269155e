// Copying text for the editor to paste elsewhere (WhatsApp): the async clipboard where the page may
// use it, else the old copy command on a selected text area; the caller says what happened.

/** True when the text reached the clipboard; false when the system refused both ways. */
export async function copyText(
  text: string,
  fallback: HTMLTextAreaElement | null,
): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no async clipboard');
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.focus();
    fallback.select();
    try {
      // Deprecated, but the only way left when the async clipboard is refused (no permission).
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}
