// One source text → HTML for web readers (feeds and webhooks): paragraphs, lists, quotes and
// code as their HTML elements. Every character of the text is escaped and every tag is one we
// write, so nothing typed into the desk can become markup, script or an unsafe link.
import { isSafeHref, parseSource } from '../../../shared/formatting';
import type { Block, Doc, Inline } from '../../../shared/formatting';

const STYLE_TAGS = { bold: 'strong', italic: 'em', strike: 's' } as const;

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function visibleText(nodes: Inline[]): string {
  return nodes
    .map((n) => ('text' in n ? n.text : n.type === 'break' ? '' : visibleText(n.children)))
    .join('');
}

function inlineHtml(nodes: Inline[], inLink: boolean): string {
  let html = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        html += escapeHtml(node.text);
        break;
      case 'code':
        html += `<code>${escapeHtml(node.text)}</code>`;
        break;
      case 'break':
        html += '<br>';
        break;
      case 'link': {
        // A link with no visible text shows its address; links never nest in HTML.
        const label =
          visibleText(node.children).trim() === ''
            ? escapeHtml(node.href)
            : inlineHtml(node.children, true);
        html +=
          inLink || !isSafeHref(node.href)
            ? label
            : `<a href="${escapeHtml(node.href)}">${label}</a>`;
        break;
      }
      default: {
        const tag = STYLE_TAGS[node.type];
        html += `<${tag}>${inlineHtml(node.children, inLink)}</${tag}>`;
      }
    }
  }
  return html;
}

function blocksHtml(blocks: Block[]): string {
  return blocks.map(blockHtml).join('');
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${inlineHtml(block.children, false)}</p>`;
    case 'quote':
      return `<blockquote>${blocksHtml(block.children)}</blockquote>`;
    case 'codeblock':
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case 'list': {
      const items = block.items.map((item) => `<li>${blocksHtml(item)}</li>`).join('');
      if (!block.ordered) return `<ul>${items}</ul>`;
      return block.start === 1 ? `<ol>${items}</ol>` : `<ol start="${block.start}">${items}</ol>`;
    }
  }
}

/** Renders a parsed document as HTML. */
export function docHtml(doc: Doc): string {
  return blocksHtml(doc.blocks);
}

/** Renders a source text as HTML (parsed with the desk's own parser). */
export function sourceHtml(text: string): string {
  return docHtml(parseSource(text));
}
