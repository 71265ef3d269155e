// Asks for a link's address before the Link format is applied.
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';

const SAFE_LINK_RE = /^(https?:\/\/[^\s]+|mailto:[^\s]+|tg:\/\/[^\s]+)$/i;

/** A small form for a link address; only web, mail and Telegram links are accepted. */
export function LinkDialog({
  onApply,
  onClose,
}: {
  onApply: (href: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [href, setHref] = useState('https://');
  const [error, setError] = useState(false);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = href.trim();
    if (!SAFE_LINK_RE.test(value)) {
      setError(true);
      return;
    }
    onApply(value);
  };
  return (
    <Dialog
      title={t('format.linkTitle')}
      onClose={onClose}
      testId="link-dialog"
      className="dialog-small"
    >
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={id}>{t('format.linkAddress')}</label>
          <input
            id={id}
            type="url"
            value={href}
            onChange={(e) => setHref(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-err` : undefined}
            data-autofocus
            data-testid="link-href"
          />
          {error ? (
            <p id={`${id}-err`} className="field-error">
              {t('format.linkInvalid')}
            </p>
          ) : null}
        </div>
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="link-apply">
            {t('format.linkApply')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
