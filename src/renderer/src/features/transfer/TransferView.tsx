// The transfer screen: the calendar and archive out as files, and drafts in from files.
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/domain';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import './transfer.css';

interface TransferViewProps {
  channels: Channel[];
}

/** Export and import side by side: each works on its own. */
export function TransferView({ channels }: TransferViewProps) {
  const { t } = useTranslation();
  return (
    <section
      className="view view-transfer"
      aria-labelledby="transfer-title"
      data-testid="transfer-view"
    >
      <header className="view-header">
        <div>
          <h1 id="transfer-title">{t('transfer.title')}</h1>
          <p className="muted small">{t('transfer.intro')}</p>
        </div>
      </header>
      <div className="transfer-panels">
        <ExportPanel channels={channels} />
        <ImportPanel channels={channels} />
      </div>
    </section>
  );
}
