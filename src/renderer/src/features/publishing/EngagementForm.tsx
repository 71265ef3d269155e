// "Enter counts": views, reactions (emoji and count, with WhatsApp's usual reactions one key away)
// and one field per poll option, checked before anything is sent; Save records them on the hub.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Update } from '../../../../shared/domain';
import type { Engagement, EngagementCounts } from '../../../../shared/sync/protocol';
import { desk } from '../../api/desk-client';
import { describeError } from '../../i18n/describe-error';
import type { EngagementFormState, FormProblems, ReactionRow } from './engagement-form';
import {
  MAX_EMOJI_LENGTH,
  QUICK_REACTIONS,
  countsToSend,
  initialForm,
  parseForm,
  problemText,
  reactionRow,
} from './engagement-form';

interface EngagementFormProps {
  copy: Update;
  engagement: Engagement | null;
  onSaved: (engagement: Engagement) => void;
  onCancel: () => void;
}

const sameEmoji = (a: string, b: string) =>
  a.trim().replace(/\uFE0F/g, '') === b.replace(/\uFE0F/g, '');

/** A count field's shared attributes: digits on touch keyboards, no spelling or autofill. */
const countInput = {
  type: 'text',
  inputMode: 'numeric',
  autoComplete: 'off',
  spellCheck: false,
} as const;

/** One problem under its field, tied to it by id. */
function Problem({
  id,
  field,
  problems,
  alert = false,
}: {
  id: string;
  field: string;
  problems: FormProblems;
  /** Announced at once: for a problem of the whole form, which no field describes. */
  alert?: boolean;
}) {
  const { t } = useTranslation();
  const problem = problems[field];
  if (!problem) return null;
  return (
    <p
      id={id}
      role={alert ? 'alert' : undefined}
      className="field-error"
      data-testid="engagement-problem"
      data-field={field}
    >
      {problemText(problem, t)}
    </p>
  );
}

/** The form; mounted while "Enter counts" is open, so it starts from the copy's numbers each time. */
export function EngagementForm({ copy, engagement, onSaved, onCancel }: EngagementFormProps) {
  const { t } = useTranslation();
  const base = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const options = copy.poll?.options ?? [];
  const [form, setForm] = useState<EngagementFormState>(() =>
    initialForm(engagement, options.length),
  );
  const [tried, setTried] = useState(false);
  const parsed = parseForm(form);
  const problems: FormProblems = tried && !parsed.ok ? parsed.problems : {};

  const save = useMutation({
    mutationFn: (counts: EngagementCounts) =>
      desk.recordEngagement({ updateId: copy.id, ...counts }),
    onSuccess: onSaved,
  });

  const fieldEl = (field: string) =>
    formRef.current?.querySelector<HTMLElement>(`[data-field="${field}"]`) ?? null;

  // Focus moves to a row once it exists (a quick reaction's count, a new row's emoji).
  useEffect(() => {
    if (pendingFocus.current === null) return;
    fieldEl(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  const idOf = (field: string) => `${base}-${field.replace(/\./g, '-')}`;
  const errorIdOf = (field: string) => `${idOf(field)}-error`;
  const invalid = (field: string) =>
    problems[field] ? { 'aria-invalid': true as const, 'aria-describedby': errorIdOf(field) } : {};

  const setRow = (key: number, patch: Partial<ReactionRow>) =>
    setForm((f) => ({
      ...f,
      reactions: f.reactions.map((r) => (r.key === key ? { ...r, ...patch } : r)),
    }));

  const addRow = (emoji = '') => {
    const row = reactionRow(emoji);
    pendingFocus.current = `reaction.${row.key}.${emoji ? 'count' : 'emoji'}`;
    setForm((f) => ({ ...f, reactions: [...f.reactions, row] }));
  };

  const quick = (emoji: string) => {
    const existing = form.reactions.find((r) => sameEmoji(r.emoji, emoji));
    if (existing) fieldEl(`reaction.${existing.key}.count`)?.focus();
    else addRow(emoji);
  };

  const removeRow = (key: number) => {
    const index = form.reactions.findIndex((r) => r.key === key);
    const next = form.reactions[index + 1] ?? form.reactions[index - 1];
    if (next) pendingFocus.current = `reaction.${next.key}.emoji`;
    else addRef.current?.focus();
    setForm((f) => ({ ...f, reactions: f.reactions.filter((r) => r.key !== key) }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    setTried(true);
    if (!parsed.ok) {
      const first = Object.keys(parsed.problems)[0];
      fieldEl(first === 'form' || first === undefined ? 'views' : first)?.focus();
      return;
    }
    save.mutate(countsToSend(parsed.counts, engagement));
  };

  return (
    <form
      ref={formRef}
      className="engagement-form"
      onSubmit={submit}
      noValidate
      aria-describedby={`${base}-hint`}
      data-testid="engagement-form"
    >
      <p id={`${base}-hint`} className="hint">
        {t('engagement.editHint')}
      </p>
      <div className="field engagement-views-field">
        <label htmlFor={idOf('views')}>{t('engagement.viewsLabel')}</label>
        <input
          id={idOf('views')}
          {...countInput}
          value={form.views}
          onChange={(e) => setForm((f) => ({ ...f, views: e.target.value }))}
          data-field="views"
          data-testid="engagement-views-input"
          {...invalid('views')}
        />
        <Problem id={errorIdOf('views')} field="views" problems={problems} />
      </div>

      <fieldset className="engagement-reactions-field">
        <legend>{t('engagement.reactionsLegend')}</legend>
        <div className="engagement-quick" role="group" aria-label={t('engagement.quickLabel')}>
          {QUICK_REACTIONS.map((emoji) => (
            <button
              key={emoji}
              type="button"
              className="button button-small engagement-quick-button"
              onClick={() => quick(emoji)}
              aria-label={t('engagement.quickAdd', { emoji })}
              title={t('engagement.quickAdd', { emoji })}
              data-testid="engagement-quick"
              data-emoji={emoji}
            >
              {emoji}
            </button>
          ))}
        </div>
        {form.reactions.length > 0 ? (
          <ul className="engagement-reaction-rows">
            {form.reactions.map((row, i) => {
              const emojiField = `reaction.${row.key}.emoji`;
              const countField = `reaction.${row.key}.count`;
              const name = row.emoji.trim() || t('engagement.reactionN', { n: i + 1 });
              return (
                <li key={row.key} className="engagement-reaction-row">
                  <input
                    id={idOf(emojiField)}
                    className="engagement-emoji-input"
                    value={row.emoji}
                    maxLength={MAX_EMOJI_LENGTH}
                    onChange={(e) => setRow(row.key, { emoji: e.target.value })}
                    aria-label={t('engagement.emojiOf', { n: i + 1 })}
                    autoComplete="off"
                    spellCheck={false}
                    data-field={emojiField}
                    data-testid="engagement-reaction-emoji"
                    {...invalid(emojiField)}
                  />
                  <input
                    id={idOf(countField)}
                    {...countInput}
                    className="engagement-count-input"
                    value={row.count}
                    onChange={(e) => setRow(row.key, { count: e.target.value })}
                    aria-label={t('engagement.countOf', { name })}
                    data-field={countField}
                    data-testid="engagement-reaction-count"
                    {...invalid(countField)}
                  />
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => removeRow(row.key)}
                    aria-label={t('engagement.removeReaction', { name })}
                    title={t('engagement.removeReaction', { name })}
                    data-testid="engagement-reaction-remove"
                  >
                    ×
                  </button>
                  <Problem id={errorIdOf(emojiField)} field={emojiField} problems={problems} />
                  <Problem id={errorIdOf(countField)} field={countField} problems={problems} />
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="hint">{t('engagement.noReactions')}</p>
        )}
        <button
          ref={addRef}
          type="button"
          className="link-button"
          onClick={() => addRow()}
          data-testid="engagement-reaction-add"
        >
          {t('engagement.addReaction')}
        </button>
      </fieldset>

      {options.length > 0 ? (
        <fieldset className="engagement-votes-field" aria-describedby={`${base}-poll-hint`}>
          <legend>{t('engagement.pollLegend')}</legend>
          <p id={`${base}-poll-hint`} className="hint">
            {t('engagement.pollHint')}
          </p>
          <ol className="engagement-vote-rows">
            {options.map((option, i) => {
              const field = `poll.${i}`;
              return (
                <li key={i} className="engagement-vote-row">
                  <label htmlFor={idOf(field)}>{option}</label>
                  <input
                    id={idOf(field)}
                    {...countInput}
                    className="engagement-count-input"
                    value={form.pollVotes[i] ?? ''}
                    onChange={(e) =>
                      setForm((f) => ({
                        ...f,
                        pollVotes: f.pollVotes.map((v, j) => (j === i ? e.target.value : v)),
                      }))
                    }
                    data-field={field}
                    data-testid="engagement-poll-input"
                    {...invalid(field)}
                  />
                  <Problem id={errorIdOf(field)} field={field} problems={problems} />
                </li>
              );
            })}
          </ol>
        </fieldset>
      ) : null}

      <Problem id={`${base}-form-error`} field="form" problems={problems} alert />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={save.isPending}>
          {t('engagement.cancel')}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={save.isPending}
          data-testid="engagement-save"
        >
          {save.isPending ? t('engagement.saving') : t('engagement.save')}
        </button>
      </div>
      {save.error ? (
        <p role="alert" className="field-error" data-testid="engagement-error">
          {describeError(save.error, t)}
        </p>
      ) : null}
    </form>
  );
}
