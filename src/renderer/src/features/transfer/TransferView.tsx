// The transfer screen: the calendar and archive out as files, and drafts in from files.
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/domain';

interface TransferViewProps {
  channels: Channel[];
}

/** Placeholder until the screen is built. */
export function TransferView(_props: TransferViewProps) {
  const { t } = useTranslation();
  return (
    <section className="view" aria-labelledby="transfer-title">
      <h1 id="transfer-title">{t('transfer.title')}</h1>
    </section>
  );
}
