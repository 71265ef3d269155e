// The source-text area with its formatting toolbar and shortcuts (all through applyFormat).
import type { TFunction } from 'i18next';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormat } from '../../../../shared/formatting';
import type { FormatAction } from './format-shortcuts';
import { FORMAT_SHORTCUTS, ariaShortcut, formatActionFor } from './format-shortcuts';
import { LinkDialog } from './LinkDialog';
import { LinkIcon } from '../../components/icons';

const TOOLBAR: { action: FormatAction; glyph: string }[] = [
  { action: 'bold', glyph: 'B' },
  { action: 'italic', glyph: 'I' },
  { action: 'strike', glyph: 'S' },
  { action: 'code', glyph: '</>' },
  { action: 'codeblock', glyph: '{ }' },
  { action: 'quote', glyph: '❝' },
  { action: 'bullets', glyph: '•≡' },
  { action: 'numbers', glyph: '1≡' },
  { action: 'link', glyph: 'link' },
];

function actionLabel(a: FormatAction, t: TFunction): string {
  switch (a) {
    case 'bold':
      return t('format.bold');
    case 'italic':
      return t('format.italic');
    case 'strike':
      return t('format.strike');
    case 'code':
      return t('format.code');
    case 'codeblock':
      return t('format.codeblock');
    case 'quote':
      return t('format.quote');
    case 'bullets':
      return t('format.bullets');
    case 'numbers':
      return t('format.numbers');
    case 'link':
      return t('format.link');
  }
}

interface TextEditorProps {
  value: string;
  onChange: (text: string) => void;
  label: string;
  testId: string;
  /** Take the focus when shown (the shared text of a composer). */
  autoFocus?: boolean;
}

/** A controlled textarea with a formatting toolbar. */
export function TextEditor({ value, onChange, label, testId, autoFocus }: TextEditorProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const pendingSelection = useRef<[number, number] | null>(null);
  const [linkSelection, setLinkSelection] = useState<[number, number] | null>(null);
  const textId = useId();

  useEffect(() => {
    // The composer's dialog is already open when a story loads: focus here. When the story was
    // cached, the dialog opens after this and focuses [data-autofocus] itself.
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  useLayoutEffect(() => {
    const sel = pendingSelection.current;
    const el = ref.current;
    if (!sel || !el) return;
    pendingSelection.current = null;
    el.focus();
    el.setSelectionRange(sel[0], sel[1]);
  }, [value]);

  const apply = (action: FormatAction, href?: string, range?: [number, number]) => {
    const el = ref.current;
    if (!el) return;
    if (action === 'link' && href === undefined) {
      setLinkSelection([el.selectionStart, el.selectionEnd]);
      return;
    }
    const [start, end] = range ?? [el.selectionStart, el.selectionEnd];
    const result = applyFormat(value, start, end, action, href ? { href } : {});
    if (result.text === value) {
      el.focus();
      el.setSelectionRange(result.selStart, result.selEnd);
      return;
    }
    pendingSelection.current = [result.selStart, result.selEnd];
    onChange(result.text);
  };

  return (
    <div className="text-editor">
      <div
        className="format-toolbar"
        role="toolbar"
        aria-label={t('format.toolbar')}
        aria-controls={textId}
      >
        {TOOLBAR.map(({ action, glyph }) => {
          const name = actionLabel(action, t);
          return (
            <button
              key={action}
              type="button"
              className={`format-button format-${action}`}
              aria-label={name}
              title={`${name} (${FORMAT_SHORTCUTS[action]})`}
              aria-keyshortcuts={ariaShortcut(action)}
              // Keep the text selection: the button must not take the focus on click.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => apply(action)}
              data-testid={`format-${action}`}
            >
              {glyph === 'link' ? <LinkIcon /> : <span aria-hidden="true">{glyph}</span>}
            </button>
          );
        })}
      </div>
      <textarea
        ref={ref}
        id={textId}
        className="source-text"
        aria-label={label}
        value={value}
        spellCheck
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          const action = formatActionFor(e);
          if (!action) return;
          e.preventDefault();
          apply(action);
        }}
        data-testid={testId}
        data-autofocus={autoFocus ? true : undefined}
      />
      {linkSelection ? (
        <LinkDialog
          onClose={() => {
            const sel = linkSelection;
            setLinkSelection(null);
            requestAnimationFrame(() => {
              ref.current?.focus();
              ref.current?.setSelectionRange(sel[0], sel[1]);
            });
          }}
          onApply={(href) => {
            const sel = linkSelection;
            setLinkSelection(null);
            apply('link', href, sel);
          }}
        />
      ) : null}
    </div>
  );
}
