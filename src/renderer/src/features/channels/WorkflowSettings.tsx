// The channel's workflow settings in the channel dialog: approval, quiet hours, loud caps, topics.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TagEditor } from './TagEditor';
import { workflowErrorText } from './workflow-errors';
import type { WorkflowError, WorkflowField, WorkflowForm } from './workflow-form';

interface WorkflowSettingsProps {
  form: WorkflowForm;
  onChange: (form: WorkflowForm) => void;
  /** The form's errors, by field. */
  errors: Partial<Record<WorkflowField, WorkflowError>>;
}

/** Edits a channel's workflow settings (checked by checkWorkflowForm on save). */
export function WorkflowSettings({ form, onChange, errors }: WorkflowSettingsProps) {
  const { t } = useTranslation();
  const ids = {
    from: useId(),
    to: useId(),
    quietHint: useId(),
    quietError: useId(),
    perHour: useId(),
    perDay: useId(),
    capsHint: useId(),
  };
  const set = (patch: Partial<WorkflowForm>) => onChange({ ...form, ...patch });
  const described = (field: WorkflowField, id: string, hint: string) =>
    errors[field] ? `${hint} ${id}-error` : hint;
  const error = (field: WorkflowField, id: string) =>
    errors[field] ? (
      <p id={`${id}-error`} className="field-error">
        {workflowErrorText(errors[field], t)}
      </p>
    ) : null;

  return (
    <fieldset className="workflow-settings" data-testid="channel-workflow">
      <legend>{t('channelWorkflow.legend')}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={form.approvalRequired}
          onChange={(e) => set({ approvalRequired: e.target.checked })}
          data-testid="workflow-approval"
        />
        {t('channelWorkflow.approvalRequired')}
      </label>
      <p className="hint">{t('channelWorkflow.approvalHint')}</p>

      <label className="check">
        <input
          type="checkbox"
          checked={form.quiet}
          onChange={(e) => set({ quiet: e.target.checked })}
          aria-describedby={ids.quietHint}
          data-testid="workflow-quiet"
        />
        {t('channelWorkflow.quietHours')}
      </label>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.from}>{t('channelWorkflow.quietFrom')}</label>
          <input
            id={ids.from}
            type="time"
            value={form.quietFrom}
            disabled={!form.quiet}
            onChange={(e) => set({ quietFrom: e.target.value })}
            aria-invalid={errors.quietHours ? true : undefined}
            aria-describedby={described('quietHours', ids.quietError, ids.quietHint)}
            data-testid="workflow-quiet-from"
          />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t('channelWorkflow.quietTo')}</label>
          <input
            id={ids.to}
            type="time"
            value={form.quietTo}
            disabled={!form.quiet}
            onChange={(e) => set({ quietTo: e.target.value })}
            aria-invalid={errors.quietHours ? true : undefined}
            aria-describedby={described('quietHours', ids.quietError, ids.quietHint)}
            data-testid="workflow-quiet-to"
          />
        </div>
      </div>
      <p id={ids.quietHint} className="hint">
        {t('channelWorkflow.quietHint')}
      </p>
      {error('quietHours', ids.quietError)}

      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.perHour}>{t('channelWorkflow.loudPerHour')}</label>
          <input
            id={ids.perHour}
            inputMode="numeric"
            value={form.loudPerHour}
            onChange={(e) => set({ loudPerHour: e.target.value })}
            aria-invalid={errors.loudPerHour ? true : undefined}
            aria-describedby={described('loudPerHour', ids.perHour, ids.capsHint)}
            data-testid="workflow-per-hour"
          />
          {error('loudPerHour', ids.perHour)}
        </div>
        <div className="field">
          <label htmlFor={ids.perDay}>{t('channelWorkflow.loudPerDay')}</label>
          <input
            id={ids.perDay}
            inputMode="numeric"
            value={form.loudPerDay}
            onChange={(e) => set({ loudPerDay: e.target.value })}
            aria-invalid={errors.loudPerDay ? true : undefined}
            aria-describedby={described('loudPerDay', ids.perDay, ids.capsHint)}
            data-testid="workflow-per-day"
          />
          {error('loudPerDay', ids.perDay)}
        </div>
      </div>
      <p id={ids.capsHint} className="hint">
        {t('channelWorkflow.capsHint')}
      </p>

      <TagEditor
        label={t('channelWorkflow.topics')}
        hint={t('channelWorkflow.topicsHint')}
        tags={form.tags}
        onChange={(tags) => set({ tags })}
        error={errors.tags ? workflowErrorText(errors.tags, t) : undefined}
        testId="workflow-topics"
      />
    </fieldset>
  );
}
