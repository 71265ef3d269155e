// The editor's source text (markdown-like) → Doc, through markdown-it's tokenizer.
import MarkdownIt from 'markdown-it';
import type { StateBlock, Token } from 'markdown-it';
import { isSafeHref, pushInline, wellFormed } from './inline-utils';
import type { Block, Doc, Inline } from './types';

// markdown-it silently drops every line past its maxNesting (100 in the default preset); below this level the rest of a
// too-deep container is kept as plain paragraph text instead, so no typed text is lost.
const DEPTH_GUARD_LEVEL = 40;

function depthGuard(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  if (state.level < DEPTH_GUARD_LEVEL || silent) return false;
  let next = startLine + 1;
  while (next < endLine && !state.isEmpty(next)) next++;
  const open = state.push('paragraph_open', 'p', 1);
  open.map = [startLine, next];
  const inline = state.push('inline', '', 0);
  inline.content = state.getLines(startLine, next, state.blkIndent, false).trim();
  inline.map = [startLine, next];
  inline.children = [];
  state.push('paragraph_close', 'p', -1);
  state.line = next;
  return true;
}

function createParser(): MarkdownIt {
  const md = new MarkdownIt({
    html: false,
    linkify: true,
    typographer: false,
    breaks: true,
  });
  // Only constructs every output can express stay on; the rest reads as the text typed.
  md.disable([
    'table',
    'code',
    'hr',
    'reference',
    'html_block',
    'heading',
    'lheading',
    'image',
    'autolink',
    'html_inline',
    'entity',
  ]);
  md.block.ruler.before('table', 'depth_guard', depthGuard);
  // Every link is kept in the token stream so an unsafe one can be shown as its text
  // (markdown-it's own check would show the raw `[text](javascript:…)` instead).
  md.validateLink = () => true;
  return md;
}

const md = createParser();

type InlineFrame = { node: Extract<Inline, { children: Inline[] }> | null; children: Inline[] };

const STYLE_OF: Record<string, 'bold' | 'italic' | 'strike'> = {
  strong_open: 'bold',
  em_open: 'italic',
  s_open: 'strike',
};

function closeInlineFrame(stack: InlineFrame[]): void {
  const frame = stack.pop();
  const parent = stack[stack.length - 1];
  if (!frame?.node || !parent) return;
  if (frame.node.type === 'link' && !isSafeHref(frame.node.href)) {
    for (const child of frame.children) pushInline(parent.children, child);
    return;
  }
  frame.node.children = frame.children;
  pushInline(parent.children, frame.node);
}

function convertInline(tokens: Token[]): Inline[] {
  const stack: InlineFrame[] = [{ node: null, children: [] }];
  for (const token of tokens) {
    const top = stack[stack.length - 1] as InlineFrame;
    const style = STYLE_OF[token.type];
    if (style) {
      stack.push({ node: { type: style, children: [] }, children: [] });
    } else if (token.type === 'link_open') {
      stack.push({
        node: { type: 'link', href: token.attrGet('href') ?? '', children: [] },
        children: [],
      });
    } else if (token.nesting === -1) {
      if (stack.length > 1) closeInlineFrame(stack);
    } else if (token.type === 'code_inline') {
      top.children.push({ type: 'code', text: token.content });
    } else if (token.type === 'softbreak' || token.type === 'hardbreak') {
      top.children.push({ type: 'break' });
    } else {
      pushInline(top.children, { type: 'text', text: token.content });
    }
  }
  while (stack.length > 1) closeInlineFrame(stack);
  return stack[0]?.children ?? [];
}

type BlockFrame =
  | { kind: 'blocks'; blocks: Block[]; quote: boolean }
  | { kind: 'list'; list: Extract<Block, { type: 'list' }> };

function currentBlocks(stack: BlockFrame[]): Block[] {
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i] as BlockFrame;
    if (frame.kind === 'blocks') return frame.blocks;
  }
  return [];
}

function closeBlockFrame(stack: BlockFrame[]): void {
  if (stack.length < 2) return;
  const frame = stack.pop() as BlockFrame;
  const parent = stack[stack.length - 1] as BlockFrame;
  if (frame.kind === 'list') {
    currentBlocks(stack).push(frame.list);
  } else if (frame.quote) {
    currentBlocks(stack).push({ type: 'quote', children: frame.blocks });
  } else if (parent.kind === 'list') {
    parent.list.items.push(frame.blocks);
  }
}

/** Parses the editor's source text into a Doc; never interprets HTML and never throws. */
export function parseSource(text: string): Doc {
  const tokens = md.parse(wellFormed(text), {});
  const root: Block[] = [];
  const stack: BlockFrame[] = [{ kind: 'blocks', blocks: root, quote: false }];
  for (const token of tokens) {
    switch (token.type) {
      case 'blockquote_open':
        stack.push({ kind: 'blocks', blocks: [], quote: true });
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        const start = ordered ? Number(token.attrGet('start') ?? 1) : 1;
        stack.push({ kind: 'list', list: { type: 'list', ordered, start, items: [] } });
        break;
      }
      case 'list_item_open':
        stack.push({ kind: 'blocks', blocks: [], quote: false });
        break;
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
        closeBlockFrame(stack);
        break;
      case 'inline':
        currentBlocks(stack).push({
          type: 'paragraph',
          children: convertInline(token.children ?? []),
        });
        break;
      case 'fence':
        currentBlocks(stack).push({ type: 'codeblock', text: token.content.replace(/\n$/, '') });
        break;
      default:
        break;
    }
  }
  while (stack.length > 1) closeBlockFrame(stack);
  return { blocks: root };
}
