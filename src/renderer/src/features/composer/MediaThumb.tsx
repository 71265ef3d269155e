// A thumbnail for an attachment, fetched from the engine by hash and shown as a data: URL.
import { useQuery } from '@tanstack/react-query';
import type { Attachment } from '../../../../shared/domain';
import { storyQueries } from './story-queries';

/** The image thumbnail of an attachment, or a labelled tile for videos and documents. */
export function MediaThumb({
  attachment,
  className,
}: {
  attachment: Attachment;
  className?: string;
}) {
  const media = useQuery({
    ...storyQueries.media(attachment.thumbHash ?? ''),
    enabled: attachment.thumbHash !== null,
  });
  if (attachment.thumbHash && media.data) {
    return (
      <img className={`media-thumb ${className ?? ''}`} src={media.data} alt={attachment.name} />
    );
  }
  const ext = attachment.name.includes('.')
    ? attachment.name.split('.').pop()!.slice(0, 4).toUpperCase()
    : '';
  return (
    <span
      className={`media-thumb media-tile media-${attachment.kind} ${className ?? ''}`}
      role="img"
      aria-label={attachment.name}
    >
      {attachment.kind === 'video' ? '▶' : ext || '…'}
    </span>
  );
}
