// The analytics screen: the channels' numbers as charts.
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/domain';

interface AnalyticsViewProps {
  channels: Channel[];
  onOpen: (storyId: string) => void;
}

/** Placeholder until the screen is built. */
export function AnalyticsView(_props: AnalyticsViewProps) {
  const { t } = useTranslation();
  return (
    <section className="view" aria-labelledby="analytics-title">
      <h1 id="analytics-title">{t('analytics.title')}</h1>
    </section>
  );
}
