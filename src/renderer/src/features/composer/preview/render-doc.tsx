// Renders a Doc as React elements for the previews. Text is always a React text node, so nothing
// the editor types can become markup; links are drawn but never navigate.
import type { ReactNode } from 'react';
import type { Block, Doc, Inline } from '../../../../../shared/formatting';

export type PreviewFlavour = 'telegram' | 'whatsapp';

function renderInline(nodes: Inline[], flavour: PreviewFlavour): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'break':
        return <br key={i} />;
      case 'bold':
        return <strong key={i}>{renderInline(node.children, flavour)}</strong>;
      case 'italic':
        return <em key={i}>{renderInline(node.children, flavour)}</em>;
      case 'strike':
        return <s key={i}>{renderInline(node.children, flavour)}</s>;
      case 'code':
        return (
          <code key={i} className="pv-code">
            {node.text}
          </code>
        );
      case 'link':
        // WhatsApp shows a link as the text it was pasted as; Telegram draws a link that the
        // preview keeps inert (no href, so nothing can be followed from here).
        return flavour === 'telegram' ? (
          <span key={i} className="pv-link" title={node.href}>
            {renderInline(node.children, flavour)}
          </span>
        ) : (
          <span key={i}>{renderInline(node.children, flavour)}</span>
        );
    }
  });
}

function renderBlock(block: Block, key: number, flavour: PreviewFlavour): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return (
        <p key={key} className="pv-p">
          {renderInline(block.children, flavour)}
        </p>
      );
    case 'codeblock':
      return (
        <pre key={key} className="pv-pre">
          <code>{block.text}</code>
        </pre>
      );
    case 'quote':
      return (
        <blockquote key={key} className="pv-quote">
          {block.children.map((b, i) => renderBlock(b, i, flavour))}
        </blockquote>
      );
    case 'list':
      return (
        <div key={key} className="pv-list">
          {block.items.map((item, i) => (
            <div key={i} className="pv-list-item">
              <span className="pv-marker">{block.ordered ? `${block.start + i}.` : '•'}</span>
              <div className="pv-list-body">{item.map((b, j) => renderBlock(b, j, flavour))}</div>
            </div>
          ))}
        </div>
      );
  }
}

/** The blocks of a document as preview elements. */
export function renderDoc(doc: Doc, flavour: PreviewFlavour): ReactNode[] {
  return doc.blocks.map((b, i) => renderBlock(b, i, flavour));
}
