// The document model every format is rendered from: one source text, parsed once.

/** Inline content of a paragraph. */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'bold' | 'italic' | 'strike'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' };

/** A block of the document; list items are sequences of blocks. */
export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'quote'; children: Block[] }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'codeblock'; text: string };

/** A parsed document. */
export interface Doc {
  blocks: Block[];
}

/** Styles that wrap inline children. */
export type StyleType = 'bold' | 'italic' | 'strike';
