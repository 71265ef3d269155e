// The archive screen: every published copy, searchable after the platform forgets it.
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/domain';

interface ArchiveViewProps {
  channels: Channel[];
  onOpen: (storyId: string) => void;
}

/** Placeholder until the screen is built. */
export function ArchiveView(_props: ArchiveViewProps) {
  const { t } = useTranslation();
  return (
    <section className="view" aria-labelledby="archive-title">
      <h1 id="archive-title">{t('archive.title')}</h1>
    </section>
  );
}
