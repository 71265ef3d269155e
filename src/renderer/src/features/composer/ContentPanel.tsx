// One tab of the composer: the text with its toolbar, attachments, poll, schedule and live previews.
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Platform, Story, Update } from '../../../../shared/domain';
import { desk } from '../../api/desk-client';
import type { SaveState } from '../../lib/save-queue';
import { useNotices } from '../../shell/Notices';
import { AttachmentsEditor } from './AttachmentsEditor';
import { PollEditor } from './PollEditor';
import { PlatformPreview } from './preview/PlatformPreview';
import { storyKeys } from './story-queries';
import { TextEditor } from './TextEditor';
import type { ContentPatch } from './use-content-draft';
import { useContentDraft } from './use-content-draft';

export interface PreviewTarget {
  platform: Platform;
  heading: string;
}

interface ContentPanelProps {
  story: Story;
  /** The copy this tab edits, or null for the shared text. */
  copy: Update | null;
  textLabel: string;
  previews: PreviewTarget[];
  quizAllowed: boolean;
  quizNote?: string;
  /** Below the editor (schedule). */
  footer?: ReactNode;
  onSaveState: (state: SaveState) => void;
}

/** Edits the shared content of a story or the content of one copy. */
export function ContentPanel(props: ContentPanelProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const notices = useNotices();
  const { story, copy } = props;
  const server = copy ?? story.shared;

  const send = async (patch: ContentPatch) => {
    if (copy) {
      const updated = await desk.editCopy({ updateId: copy.id, ...patch });
      client.setQueryData<Story>(storyKeys.one(story.storyId), (old) =>
        old ? { ...old, copies: old.copies.map((c) => (c.id === updated.id ? updated : c)) } : old,
      );
    } else {
      const updated = await desk.editShared({ storyId: story.storyId, ...patch });
      client.setQueryData(storyKeys.one(story.storyId), updated);
    }
  };
  const draft = useContentDraft(
    { text: server.text, attachments: server.attachments, poll: server.poll },
    send,
    (state, error) => {
      props.onSaveState(state);
      if (state === 'error') notices.error(error);
    },
  );
  const { content } = draft;
  const [resetting, setResetting] = useState(false);

  const resetToShared = async () => {
    if (!copy) return;
    setResetting(true);
    try {
      draft.reset();
      const updated = await desk.resetCopy({ updateId: copy.id });
      client.setQueryData<Story>(storyKeys.one(story.storyId), (old) =>
        old ? { ...old, copies: old.copies.map((c) => (c.id === updated.id ? updated : c)) } : old,
      );
    } catch (err) {
      notices.error(err);
    } finally {
      setResetting(false);
    }
  };

  return (
    <div className="content-panel">
      <div className="content-editor">
        {copy?.customized ? (
          <div className="customised-notice" data-testid="customised-notice">
            <span>{t('composer.customised')}</span>
            <button
              type="button"
              className="button button-small"
              disabled={resetting}
              onClick={() => void resetToShared()}
              data-testid="reset-copy"
            >
              {t('composer.resetToShared')}
            </button>
          </div>
        ) : copy ? (
          <p className="hint">{t('composer.followsShared')}</p>
        ) : null}
        <TextEditor
          value={content.text}
          onChange={(text) => draft.change({ text })}
          label={props.textLabel}
          testId="composer-text"
          autoFocus={copy === null}
        />
        {draft.state === 'error' ? (
          <p className="inline-error" data-testid="save-error">
            {t('composer.saveFailed')}{' '}
            <button type="button" className="link-button" onClick={draft.retry}>
              {t('composer.retry')}
            </button>
          </p>
        ) : null}
        <AttachmentsEditor
          attachments={content.attachments}
          onAppend={(a) => draft.change({ attachments: [...draft.latest().attachments, a] })}
          onReplace={(attachments) => draft.change({ attachments })}
        />
        <PollEditor
          poll={content.poll}
          onChange={(poll) => draft.change({ poll })}
          quizAllowed={props.quizAllowed}
          quizNote={props.quizNote}
        />
        {props.footer}
      </div>
      <div className="content-previews" aria-label={t('preview.region')} role="region">
        {props.previews.length === 0 ? <p className="muted small">{t('preview.none')}</p> : null}
        {props.previews.map((p) => (
          <PlatformPreview
            key={`${p.platform}-${p.heading}`}
            platform={p.platform}
            heading={p.heading}
            text={content.text}
            attachments={content.attachments}
            poll={content.poll}
          />
        ))}
      </div>
    </div>
  );
}
