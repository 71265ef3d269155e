// How a correction announces itself on a published post: one bold word in the channel's language
// before the corrected text (never twice, when a story is corrected again).
import type { Locale } from '../domain';

const LABELS: Record<Locale, string> = {
  en: 'Correction:',
  it: 'Rettifica:',
  fr: 'Rectificatif :',
};

/** The label a correction starts with, in a channel's language. */
export const correctionLabel = (language: Locale): string => LABELS[language];

/** The text a corrected post shows: `text` under the label when `prefix`, as written otherwise. */
export function correctedText(text: string, language: Locale, prefix: boolean): string {
  const body = text.trim();
  if (!prefix) return body;
  const marker = `**${LABELS[language]}**`;
  return body.startsWith(marker) ? body : `${marker} ${body}`;
}
