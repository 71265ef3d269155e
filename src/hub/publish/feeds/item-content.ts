// What each feed item says, computed once for both formats: a one-line title, safe HTML (the
// text, then its attachments) and plain text, all from cleaned source text.
import { parseSource, titleOf, toPlain } from '../../../shared/formatting';
import { cleanText, type FeedAttachment, type FeedItem } from './feed-input';
import { docHtml, escapeHtml } from './content-html';

/** One item's rendered content. */
export interface ItemContent {
  /** Empty when the text is blank (an update with only attachments). */
  title: string;
  html: string;
  text: string;
}

function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** The attachments the feed can point to: only http(s) addresses, with clean names. */
export function servedAttachments(item: FeedItem): FeedAttachment[] {
  return item.attachments
    .filter((a) => isWebUrl(a.url))
    .map((a) => ({
      ...a,
      name: cleanText(a.name),
      mime: cleanText(a.mime),
      url: cleanText(a.url),
    }));
}

function attachmentHtml(a: FeedAttachment): string {
  const url = escapeHtml(a.url);
  const name = escapeHtml(a.name);
  if (a.kind === 'image') return `<p><img src="${url}" alt="${name}"></p>`;
  return `<p><a href="${url}">${name}</a></p>`;
}

/** Title, HTML and plain text of one item. */
export function itemContent(item: FeedItem): ItemContent {
  const text = cleanText(item.text);
  const doc = parseSource(text);
  const attachments = servedAttachments(item);
  return {
    title: titleOf(text),
    html: docHtml(doc) + attachments.map(attachmentHtml).join(''),
    text: toPlain(doc, { showUrls: true }),
  };
}
