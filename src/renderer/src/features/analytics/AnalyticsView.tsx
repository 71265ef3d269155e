// The analytics screen's door: the screen itself (and the charting library it draws with) loads
// only when the editor opens it, so the first screen of the desk stays light.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/domain';

interface AnalyticsViewProps {
  channels: Channel[];
  /** Opens a story in the composer. */
  onOpen: (storyId: string) => void;
}

const AnalyticsScreen = lazy(() =>
  import('./AnalyticsScreen').then((module) => ({ default: module.AnalyticsScreen })),
);

/** The channels' numbers as charts, over a range of days. */
export function AnalyticsView(props: AnalyticsViewProps) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <section className="view" aria-labelledby="analytics-title" aria-busy="true">
          <h1 id="analytics-title">{t('analytics.title')}</h1>
          <p className="muted">{t('analytics.loading')}</p>
        </section>
      }
    >
      <AnalyticsScreen {...props} />
    </Suspense>
  );
}
