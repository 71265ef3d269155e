// The publishing settings form of a Telegram, webhook or WhatsApp channel. "Check and save" asks the
// hub, which checks with the platform first: the facts it found on success, its reason on failure.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { FormEvent, ReactNode } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectorView } from '../../../../shared/contract';
import type { Channel, Platform } from '../../../../shared/domain';
import { formatInstant } from '../../../../shared/schedule';
import { desk } from '../../api/desk-client';
import { describeError } from '../../i18n/describe-error';
import { useLocale } from '../../i18n/use-locale';
import { EDITOR_ZONE } from '../../lib/time-zones';
import type { ConnectorFields } from './connector-fields';
import {
  configFor,
  factLabel,
  factValue,
  fieldsOf,
  generateSecret,
  needsSecret,
} from './connector-fields';
import { publishingKeys } from './publishing-queries';

interface ConnectorFormProps {
  channel: Channel;
  view: ConnectorView;
}

/** "Checking with Telegram…": what the hub is doing while the editor waits. */
function checkingText(platform: Platform, t: TFunction): string {
  switch (platform) {
    case 'telegram':
      return t('connector.checkingTelegram');
    case 'webhook':
      return t('connector.checkingWebhook');
    case 'whatsapp':
      return t('connector.checkingWhatsApp');
    case 'feed':
      return t('connector.checking');
  }
}

/** The facts a check found, as a definition list. */
function Facts({ facts }: { facts: Record<string, string> }) {
  const { t } = useTranslation();
  const entries = Object.entries(facts);
  if (entries.length === 0) return null;
  return (
    <dl className="settings-facts connector-facts">
      {entries.map(([k, v]) => (
        <Fact key={k} label={factLabel(k, t)} value={factValue(v, t)} />
      ))}
    </dl>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** A one-line setting (no spelling help: ids and addresses), with its hint under it. */
function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  placeholder: string;
  url?: boolean;
  hint?: string;
  testId: string;
}) {
  const hintId = `${props.id}-hint`;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        {...(props.url ? { type: 'url', inputMode: 'url' as const } : {})}
        value={props.value}
        onChange={props.onChange}
        placeholder={props.placeholder}
        spellCheck={false}
        autoCapitalize="none"
        aria-describedby={props.hint ? hintId : undefined}
        data-testid={props.testId}
      />
      {props.hint ? (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

/** The form; its fields start from what the hub has saved. */
export function ConnectorForm({ channel, view }: ConnectorFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const { platform } = channel;
  const [fields, setFields] = useState<ConnectorFields>(() => fieldsOf(view));
  const [secret, setSecret] = useState('');
  const [revealed, setRevealed] = useState(false);
  const [generated, setGenerated] = useState(false);
  // A platform that needs a secret, none saved and none typed: said here, before asking the hub.
  const [secretMissing, setSecretMissing] = useState(false);
  const ids = {
    chat: useId(),
    token: useId(),
    url: useId(),
    secret: useId(),
    link: useId(),
    secretHint: useId(),
  };

  const save = useMutation({
    mutationFn: () =>
      desk.saveConnector({
        channelId: channel.id,
        config: configFor(platform, fields),
        ...(secret.trim() ? { secret: secret.trim() } : {}),
      }),
    onSuccess: (saved) => {
      client.setQueryData(publishingKeys.connector(channel.id), saved);
      setSecret('');
      setRevealed(false);
      setGenerated(false);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    if (needsSecret(platform) && !view.hasSecret && !secret.trim()) {
      setSecretMissing(true);
      document.getElementById(platform === 'telegram' ? ids.token : ids.secret)?.focus();
      return;
    }
    save.mutate();
  };
  const set = (key: keyof ConnectorFields) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: e.target.value }));
  const secretPlaceholder = view.hasSecret ? t('connector.secretKept') : undefined;

  const secretField = (
    label: string,
    id: string,
    testId: string,
    hint: string,
    extra?: ReactNode,
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="connector-secret-row">
        <input
          id={id}
          type={revealed ? 'text' : 'password'}
          value={secret}
          onChange={(e) => {
            setSecret(e.target.value);
            setGenerated(false);
            setSecretMissing(false);
          }}
          placeholder={secretPlaceholder}
          autoComplete="new-password"
          spellCheck={false}
          autoCapitalize="none"
          aria-invalid={secretMissing || undefined}
          aria-describedby={
            secretMissing ? `${ids.secretHint}-error ${ids.secretHint}` : ids.secretHint
          }
          data-testid={testId}
        />
        <button
          type="button"
          className="button button-small"
          aria-pressed={revealed}
          onClick={() => setRevealed((r) => !r)}
        >
          {t('connector.show')}
        </button>
        {extra}
      </div>
      {secretMissing ? (
        <p id={`${ids.secretHint}-error`} className="field-error">
          {platform === 'telegram' ? t('connector.tokenMissing') : t('connector.secretMissing')}
        </p>
      ) : null}
      <p id={ids.secretHint} className="hint">
        {view.hasSecret ? `${t('connector.secretSaved')} ` : ''}
        {generated ? t('connector.secretGenerated') : hint}
      </p>
    </div>
  );

  let platformFields: ReactNode = null;
  if (platform === 'telegram') {
    platformFields = (
      <>
        <TextField
          id={ids.chat}
          label={t('connector.chatId')}
          value={fields.chatId}
          onChange={set('chatId')}
          placeholder="@city_news"
          hint={t('connector.chatIdHint')}
          testId="connector-chat"
        />
        {secretField(t('connector.token'), ids.token, 'connector-token', t('connector.tokenHint'))}
      </>
    );
  } else if (platform === 'webhook') {
    platformFields = (
      <>
        <TextField
          id={ids.url}
          label={t('connector.url')}
          value={fields.url}
          onChange={set('url')}
          placeholder="https://cms.example.org/hooks/channel-desk"
          url
          testId="connector-url"
        />
        {secretField(
          t('connector.secret'),
          ids.secret,
          'connector-secret',
          t('connector.secretHint'),
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setSecret(generateSecret());
              setRevealed(true);
              setGenerated(true);
              setSecretMissing(false);
            }}
            data-testid="connector-generate"
          >
            {t('connector.generate')}
          </button>,
        )}
      </>
    );
  } else if (platform === 'whatsapp') {
    platformFields = (
      <TextField
        id={ids.link}
        label={t('connector.link')}
        value={fields.link}
        onChange={set('link')}
        placeholder="https://whatsapp.com/channel/…"
        url
        hint={t('connector.linkHint')}
        testId="connector-link"
      />
    );
  }

  return (
    <form
      className="form connector-form"
      onSubmit={submit}
      noValidate
      data-testid="connector-form"
      data-platform={platform}
    >
      <p className={view.configured ? 'hint' : 'warning-text'} data-testid="connector-status">
        {view.configured
          ? view.checkedAt
            ? t('connector.checkedAt', {
                when: formatInstant(view.checkedAt, EDITOR_ZONE, locale, 'short'),
              })
            : t('connector.readyManual')
          : t('connector.notConfigured')}
      </p>
      {platform === 'whatsapp' ? <p>{t('connector.whatsappIntro')}</p> : null}
      {platformFields}
      {!save.isSuccess && !save.isError ? <Facts facts={view.facts} /> : null}
      <div className="dialog-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={save.isPending}
          data-testid="connector-save"
        >
          {t('connector.save')}
        </button>
        <span role="status" aria-live="polite" className="hint" data-testid="connector-progress">
          {save.isPending ? checkingText(platform, t) : null}
        </span>
      </div>
      {save.isSuccess ? (
        <div
          className="connector-result connector-ok"
          data-testid="connector-result"
          data-ok="true"
        >
          <p role="status">{t('connector.saved')}</p>
          <Facts facts={save.data.facts} />
        </div>
      ) : null}
      {save.isError ? (
        <p
          role="alert"
          className="connector-result field-error"
          data-testid="connector-result"
          data-ok="false"
        >
          {describeError(save.error, t)}
        </p>
      ) : null}
    </form>
  );
}
