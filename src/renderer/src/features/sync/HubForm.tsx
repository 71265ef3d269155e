// Signing in to a newsroom's hub: address, email, password. Used by onboarding, the sync panel and
// the settings. The engine's own words say what went wrong; field issues sit under their field.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/contract';
import { desk } from '../../api/desk-client';
import { describeError, fieldErrors, isDeskError } from '../../i18n/describe-error';
import { syncKeys } from './sync-queries';

const FIELDS = ['url', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

interface HubFormProps {
  /** Above the fields: what connecting will do. */
  intro?: ReactNode;
  onConnected: (status: SyncStatus) => void;
  /** Told when a sign-in starts and ends (onboarding stays on screen meanwhile). */
  onBusyChange?: (busy: boolean) => void;
  /** Shown as a Cancel (or `cancelLabel`) button next to the submit one. */
  onCancel?: () => void;
  cancelLabel?: string;
}

/** The connect form; Enter submits, the first field has the focus. */
export function HubForm({ intro, onConnected, onBusyChange, onCancel, cancelLabel }: HubFormProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [url, setUrl] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const ids = { url: useId(), email: useId(), password: useId(), error: useId() };
  const urlRef = useRef<HTMLInputElement>(null);
  useEffect(() => urlRef.current?.focus(), []);

  const connect = useMutation({
    mutationFn: () => desk.connectHub({ url, email, password }),
    onMutate: () => onBusyChange?.(true),
    onSettled: () => onBusyChange?.(false),
    onSuccess: (status) => {
      client.setQueryData(syncKeys.status, status);
      // Channels and updates may have moved to (or come from) the hub: read everything again.
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'sync' });
      onConnected(status);
    },
    onError: (err) => {
      // Only the password is cleared: the address and the email are usually right.
      setPassword('');
      const issues = fieldErrors(err, FIELDS, t);
      const first = FIELDS.find((f) => issues[f]) ?? 'password';
      document.getElementById(ids[first])?.focus();
    },
  });

  const errors = connect.error ? fieldErrors(connect.error, FIELDS, t) : {};
  // A refused form says it under its fields; the hub's own answers ("wrong email or password",
  // "nothing answers at …") are also shown whole, under the form.
  const refusedForm = isDeskError(connect.error) && connect.error.code === 'invalid_argument';
  const general = !connect.error
    ? null
    : refusedForm && Object.keys(errors).length > 0
      ? (errors[''] ?? null)
      : describeError(connect.error, t);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!connect.isPending) connect.mutate();
  };
  const field = (name: Field, label: string, input: ReactNode) => (
    <div className="field">
      <label htmlFor={ids[name]}>{label}</label>
      {input}
      {errors[name] ? (
        <p id={`${ids[name]}-error`} className="field-error">
          {errors[name]}
        </p>
      ) : null}
    </div>
  );
  const aria = (name: Field) => ({
    id: ids[name],
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${ids[name]}-error` : general ? ids.error : undefined,
  });

  return (
    <form className="form hub-form" onSubmit={submit} noValidate data-testid="hub-form">
      {intro}
      {field(
        'url',
        t('hubForm.url'),
        <input
          {...aria('url')}
          ref={urlRef}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          autoCapitalize="none"
          placeholder={t('hubForm.urlPlaceholder')}
          data-autofocus
          data-testid="hub-url"
        />,
      )}
      {field(
        'email',
        t('hubForm.email'),
        <input
          {...aria('email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          data-testid="hub-email"
        />,
      )}
      {field(
        'password',
        t('hubForm.password'),
        <input
          {...aria('password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          data-testid="hub-password"
        />,
      )}
      {general ? (
        <p id={ids.error} role="alert" className="field-error" data-testid="hub-error">
          {general}
        </p>
      ) : null}
      <div className="dialog-actions">
        <span className="spacer" />
        {onCancel ? (
          <button
            type="button"
            className="button"
            onClick={onCancel}
            disabled={connect.isPending}
            data-testid="hub-cancel"
          >
            {cancelLabel ?? t('common.cancel')}
          </button>
        ) : null}
        <button
          type="submit"
          className="button button-primary"
          disabled={connect.isPending}
          aria-busy={connect.isPending || undefined}
          data-testid="hub-connect"
        >
          {connect.isPending ? t('hubForm.connecting') : t('hubForm.connect')}
        </button>
      </div>
    </form>
  );
}
