// Small helpers shared by the parsers and the renderers.
import type { Inline } from './types';

const SAFE_SCHEMES = ['http:', 'https:', 'mailto:', 'tg:'];
const SCHEME_RE = /^([a-z][a-z0-9+.-]*:)/i;
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when a link target may become a clickable link on every platform. */
export function isSafeHref(href: string): boolean {
  // Control characters and spaces never belong in a URL; browsers strip some of them,
  // which is how `java\tscript:` tricks slip through naive scheme checks.
  for (let i = 0; i < href.length; i++) {
    const code = href.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return false;
  }
  const scheme = SCHEME_RE.exec(href)?.[1]?.toLowerCase();
  return scheme !== undefined && SAFE_SCHEMES.includes(scheme);
}

function comparable(url: string): string {
  let out = url.trim();
  try {
    out = decodeURI(out);
  } catch {
    // A malformed escape: compare the raw text instead.
  }
  return out
    .replace(/^(https?:\/\/|mailto:)/i, '')
    .replace(/\/$/, '')
    .toLowerCase();
}

/** True when a link's visible text already says where it goes (a bare URL, an address). */
export function sameTarget(text: string, href: string): boolean {
  return comparable(text) === comparable(href);
}

/** Replaces unpaired UTF-16 surrogates, which would become invalid UTF-8 on the wire. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE_RE, '\uFFFD');
}

/** Visible text of inline content, links shown by their text only. */
export function inlineText(nodes: Inline[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'code') out += node.text;
    else if (node.type === 'break') out += '\n';
    else if (node.type === 'link') out += inlineText(linkLabel(node));
    else out += inlineText(node.children);
  }
  return out;
}

/** What a link shows: its children, or its address when it has no visible text. */
export function linkLabel(node: { href: string; children: Inline[] }): Inline[] {
  return inlineText(node.children).trim() === ''
    ? [{ type: 'text', text: node.href }]
    : node.children;
}

/** Appends a node, merging adjacent text so renderers see one run per stretch of text. */
export function pushInline(out: Inline[], node: Inline): void {
  if (node.type === 'text') {
    if (node.text === '') return;
    const last = out[out.length - 1];
    if (last?.type === 'text') {
      out[out.length - 1] = { type: 'text', text: last.text + node.text };
      return;
    }
  }
  out.push(node);
}
