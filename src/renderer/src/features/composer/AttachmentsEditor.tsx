// Attachments of a copy: pick or drop files (read in the browser, thumbnails made here), reorder,
// remove.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../shared/domain';
import { MAX_ATTACHMENT_BYTES } from '../../../../shared/schemas';
import { desk } from '../../api/desk-client';
import { formatBytes } from '../../i18n/labels';
import { intlTag, useLocale } from '../../i18n/use-locale';
import { makeThumbnailBase64, mimeOf, readAsBase64 } from '../../lib/file-reading';
import { useNotices } from '../../shell/Notices';
import { acceptsFile, dragHasFiles } from './dropped-files';
import { MediaThumb } from './MediaThumb';
import './attachments-drop.css';

/** The contract allows at most this many attachments per copy. */
export const MAX_ATTACHMENTS = 10;
const ACCEPT =
  'image/*,video/*,application/pdf,.pdf,.doc,.docx,.odt,.rtf,.txt,.csv,.xls,.xlsx,.ods,.ppt,.pptx,.odp';

interface Upload {
  id: number;
  name: string;
  /** 0–1 while reading; null while the engine stores it. */
  progress: number | null;
}

interface AttachmentsEditorProps {
  attachments: Attachment[];
  /** Appends a stored attachment to the copy's latest list. */
  onAppend: (a: Attachment) => void;
  /** Replaces the list (reorder, remove). */
  onReplace: (list: Attachment[]) => void;
}

let uploadIds = 1;

/** The attachment strip with its file picker. */
export function AttachmentsEditor({ attachments, onAppend, onReplace }: AttachmentsEditorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const notices = useNotices();
  const [uploads, setUploads] = useState<Upload[]>([]);
  // Enter/leave fire for every child crossed: count them to know when the drag really left.
  const dragDepth = useRef(0);
  const [dragging, setDragging] = useState(false);
  const inputId = useId();
  const room = MAX_ATTACHMENTS - attachments.length - uploads.length;

  const setProgress = (id: number, progress: number | null) =>
    setUploads((list) => list.map((u) => (u.id === id ? { ...u, progress } : u)));

  const upload = async (file: File) => {
    const id = uploadIds++;
    setUploads((list) => [...list, { id, name: file.name, progress: 0 }]);
    try {
      if (file.size > MAX_ATTACHMENT_BYTES)
        throw new Error(t('attachments.tooLarge', { name: file.name }));
      const dataBase64 = await readAsBase64(file, (f) => setProgress(id, f));
      const thumbnailBase64 = file.type.startsWith('image/')
        ? await makeThumbnailBase64(file)
        : null;
      setProgress(id, null);
      const stored = await desk.addAttachment({
        name: file.name,
        mime: mimeOf(file),
        dataBase64,
        thumbnailBase64,
      });
      onAppend(stored);
    } catch (err) {
      notices.error(err);
    } finally {
      setUploads((list) => list.filter((u) => u.id !== id));
    }
  };

  const onFiles = (files: FileList | null) => {
    const all = [...(files ?? [])];
    // A drop skips the picker's filter: apply it here, and say what was left out.
    const picked = all.filter((f) => acceptsFile(f, ACCEPT));
    for (const f of all.filter((f) => !picked.includes(f)))
      notices.info(t('attachments.notAccepted', { name: f.name }));
    if (picked.length > room) notices.info(t('attachments.tooMany', { max: MAX_ATTACHMENTS }));
    // One at a time keeps the order the editor picked and memory bounded for large videos.
    void picked
      .slice(0, Math.max(0, room))
      .reduce<Promise<void>>((chain, f) => chain.then(() => upload(f)), Promise.resolve());
  };

  const move = (i: number, by: -1 | 1) => {
    const next = [...attachments];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    onReplace(next);
  };

  return (
    <section
      className={`attachments attachments-drop${dragging ? ' attachments-drop-active' : ''}`}
      aria-label={t('attachments.title')}
      data-testid="attachments"
      onDragEnter={(e) => {
        if (!dragHasFiles(e.dataTransfer.types)) return;
        e.preventDefault();
        dragDepth.current += 1;
        setDragging(true);
      }}
      onDragOver={(e) => {
        if (!dragHasFiles(e.dataTransfer.types)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = room > 0 ? 'copy' : 'none';
      }}
      onDragLeave={() => {
        dragDepth.current = Math.max(0, dragDepth.current - 1);
        if (dragDepth.current === 0) setDragging(false);
      }}
      onDrop={(e) => {
        if (!dragHasFiles(e.dataTransfer.types)) return;
        e.preventDefault();
        dragDepth.current = 0;
        setDragging(false);
        if (room <= 0) notices.info(t('attachments.tooMany', { max: MAX_ATTACHMENTS }));
        else onFiles(e.dataTransfer.files);
      }}
    >
      {dragging ? (
        <div
          className="attachments-drop-hint"
          aria-hidden="true"
          data-testid="attachments-drop-hint"
        >
          {t('attachments.dropHere')}
        </div>
      ) : null}
      <div className="attachments-head">
        <h3>{t('attachments.title')}</h3>
        <input
          id={inputId}
          className="visually-hidden file-input"
          type="file"
          multiple
          accept={ACCEPT}
          disabled={room <= 0}
          onChange={(e) => {
            onFiles(e.target.files);
            e.target.value = '';
          }}
          data-testid="attachment-input"
        />
        <label
          htmlFor={inputId}
          className={`button button-small file-button${room <= 0 ? ' disabled' : ''}`}
        >
          {t('attachments.add')}
        </label>
        <span className="muted small">
          {t('attachments.limit', { n: attachments.length, max: MAX_ATTACHMENTS })}
        </span>
        <span className="muted small">{t('attachments.orDrop')}</span>
      </div>
      {attachments.length === 0 && uploads.length === 0 ? (
        <p className="muted small">{t('attachments.none')}</p>
      ) : null}
      <ul className="attachment-list">
        {attachments.map((a, i) => (
          <li key={`${a.hash}-${i}`} className="attachment" data-testid="attachment">
            <MediaThumb attachment={a} />
            <div className="attachment-info">
              <span className="attachment-name" title={a.name}>
                {a.name}
              </span>
              <span className="muted small">{formatBytes(a.size, intlTag(locale))}</span>
            </div>
            <div className="attachment-actions">
              <button
                type="button"
                className="icon-button"
                aria-label={t('attachments.moveLeft', { name: a.name })}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                ←
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('attachments.moveRight', { name: a.name })}
                disabled={i === attachments.length - 1}
                onClick={() => move(i, 1)}
              >
                →
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('attachments.remove', { name: a.name })}
                onClick={() => onReplace(attachments.filter((_, j) => j !== i))}
                data-testid="attachment-remove"
              >
                ×
              </button>
            </div>
          </li>
        ))}
        {uploads.map((u) => (
          <li
            key={`upload-${u.id}`}
            className="attachment uploading"
            aria-busy="true"
            data-testid="attachment-uploading"
          >
            <span className="media-thumb media-tile">…</span>
            <div className="attachment-info">
              <span className="attachment-name">{u.name}</span>
              {u.progress === null ? (
                <>
                  {/* No value: the engine gives no figures while it stores the file. */}
                  <progress aria-label={t('attachments.storing', { name: u.name })} />
                  <span className="small">{t('attachments.uploading')}</span>
                </>
              ) : (
                <progress
                  max={1}
                  value={u.progress}
                  aria-label={t('attachments.reading', { name: u.name })}
                />
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
