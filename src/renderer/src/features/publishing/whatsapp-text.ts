// What the editor pastes into WhatsApp for a manual-assist task: the copy's text in WhatsApp markup.
import type { Content } from '../../../../shared/domain';
import { parseSource, toWhatsApp } from '../../../../shared/formatting';

/** The copy's source text rendered for WhatsApp (bold as *x*, lists, quotes, links spelled out). */
export function whatsAppText(content: Pick<Content, 'text'>): string {
  return toWhatsApp(parseSource(content.text));
}
