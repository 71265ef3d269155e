// Create or edit a channel: name, platform, zone, language, description, weekly slots, workflow
// settings (approval, quiet hours, loud caps, topics); archive.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, ChannelWorkflow, Locale, Platform, Slot } from '../../../../shared/domain';
import { LOCALES, PLATFORMS } from '../../../../shared/domain';
import { DEFAULT_CHANNEL_WORKFLOW } from '../../../../shared/schemas';
import { desk } from '../../api/desk-client';
import { Dialog } from '../../components/Dialog';
import { describeError, fieldErrors } from '../../i18n/describe-error';
import { languageName, platformLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/use-locale';
import { EDITOR_ZONE, allTimeZones } from '../../lib/time-zones';
import { useNotices } from '../../shell/Notices';
import { ConnectorSection } from '../publishing/ConnectorSection';
import { channelKeys } from './channel-queries';
import { SlotsEditor } from './SlotsEditor';
import type { WorkflowError, WorkflowField } from './workflow-form';
import { checkWorkflowForm, workflowFormOf } from './workflow-form';
import { WorkflowSettings } from './WorkflowSettings';

const FIELDS = ['name', 'platform', 'timeZone', 'language', 'description', 'slots'] as const;

interface ChannelDialogProps {
  /** The channel to edit, or null to create one. */
  channel: Channel | null;
  onClose: () => void;
  onSaved: (c: Channel) => void;
}

/** The channel form in a modal dialog. */
export function ChannelDialog({ channel, onClose, onSaved }: ChannelDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const notices = useNotices();
  const [name, setName] = useState(channel?.name ?? '');
  const [platform, setPlatform] = useState<Platform>(channel?.platform ?? 'telegram');
  const [timeZone, setTimeZone] = useState(channel?.timeZone ?? EDITOR_ZONE);
  const [language, setLanguage] = useState<Locale>(channel?.language ?? locale);
  const [description, setDescription] = useState(channel?.description ?? '');
  const [slots, setSlots] = useState<Slot[]>(channel?.slots ?? []);
  const [workflowForm, setWorkflowForm] = useState(() => workflowFormOf(channel?.workflow));
  const [workflowErrors, setWorkflowErrors] = useState<
    Partial<Record<WorkflowField, WorkflowError>>
  >({});
  const ids = {
    name: useId(),
    platform: useId(),
    zone: useId(),
    zones: useId(),
    lang: useId(),
    desc: useId(),
  };

  const save = useMutation({
    mutationFn: (workflow: ChannelWorkflow | undefined) => {
      const fields = {
        name,
        platform,
        timeZone: timeZone.trim(),
        language,
        description,
        slots,
        ...(workflow ? { workflow } : {}),
      };
      return channel
        ? desk.updateChannel({ id: channel.id, ...fields })
        : desk.createChannel(fields);
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: channelKeys.all });
      notices.info(channel ? t('channel.saved') : t('channel.created', { name: saved.name }));
      onSaved(saved);
      onClose();
    },
  });
  const archive = useMutation({
    mutationFn: (archived: boolean) => desk.setChannelArchived({ id: channel!.id, archived }),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: channelKeys.all });
      notices.info(saved.archived ? t('channel.archivedDone') : t('channel.unarchivedDone'));
      onClose();
    },
    onError: notices.error,
  });

  const errors = save.error ? fieldErrors(save.error, FIELDS, t) : {};
  const general =
    save.error && Object.keys(errors).length === 0 ? describeError(save.error, t) : errors[''];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The workflow is checked here first: its errors sit next to its own fields.
    const checked = checkWorkflowForm(workflowForm);
    if (!checked.ok) {
      setWorkflowErrors(checked.errors);
      return;
    }
    setWorkflowErrors({});
    // A channel left at the defaults keeps no settings (as channels from before workflows).
    const untouched =
      !channel?.workflow &&
      JSON.stringify(checked.workflow) === JSON.stringify(DEFAULT_CHANNEL_WORKFLOW);
    save.mutate(untouched ? undefined : checked.workflow);
  };
  const describedBy = (field: string, id: string) => (errors[field] ? `${id}-error` : undefined);
  const fieldError = (field: string, id: string) =>
    errors[field] ? (
      <p id={`${id}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <Dialog
      title={channel ? t('channel.editTitle', { name: channel.name }) : t('channel.newTitle')}
      onClose={onClose}
      testId="channel-dialog"
      className="dialog-form"
    >
      <form onSubmit={submit} className="form" noValidate>
        <div className="field">
          <label htmlFor={ids.name}>{t('channel.name')}</label>
          <input
            id={ids.name}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy('name', ids.name)}
            data-autofocus
            data-testid="channel-name"
          />
          {fieldError('name', ids.name)}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={ids.platform}>{t('channel.platform')}</label>
            <select
              id={ids.platform}
              value={platform}
              onChange={(e) => setPlatform(e.target.value as Platform)}
              data-testid="channel-platform"
            >
              {PLATFORMS.map((p) => (
                <option key={p} value={p}>
                  {platformLabel(p, t)}
                </option>
              ))}
            </select>
            {fieldError('platform', ids.platform)}
          </div>
          <div className="field">
            <label htmlFor={ids.lang}>{t('channel.language')}</label>
            <select
              id={ids.lang}
              value={language}
              onChange={(e) => setLanguage(e.target.value as Locale)}
              data-testid="channel-language"
            >
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {languageName(l)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={ids.zone}>{t('channel.timeZone')}</label>
          <input
            id={ids.zone}
            list={ids.zones}
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            aria-invalid={errors.timeZone ? true : undefined}
            aria-describedby={describedBy('timeZone', ids.zone) ?? `${ids.zone}-hint`}
            autoComplete="off"
            spellCheck={false}
            data-testid="channel-timezone"
          />
          <datalist id={ids.zones}>
            {allTimeZones().map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <p id={`${ids.zone}-hint`} className="hint">
            {t('channel.timeZoneHint')}
          </p>
          {fieldError('timeZone', ids.zone)}
        </div>
        <div className="field">
          <label htmlFor={ids.desc}>{t('channel.description')}</label>
          <textarea
            id={ids.desc}
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            data-testid="channel-description"
          />
          {fieldError('description', ids.desc)}
        </div>
        <SlotsEditor slots={slots} onChange={setSlots} error={errors.slots} />
        <WorkflowSettings form={workflowForm} onChange={setWorkflowForm} errors={workflowErrors} />
        {general ? (
          <p role="alert" className="inline-error">
            {general}
          </p>
        ) : null}
        <div className="dialog-actions">
          {channel ? (
            <button
              type="button"
              className="button"
              disabled={archive.isPending}
              onClick={() => archive.mutate(!channel.archived)}
              data-testid="channel-archive"
            >
              {channel.archived ? t('channel.unarchive') : t('channel.archive')}
            </button>
          ) : null}
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={save.isPending}
            data-testid="channel-save"
          >
            {channel ? t('common.save') : t('channel.create')}
          </button>
        </div>
      </form>
      {channel ? (
        <ConnectorSection channel={channel} platformChanged={platform !== channel.platform} />
      ) : null}
    </Dialog>
  );
}
