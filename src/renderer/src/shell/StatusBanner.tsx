// Tells the editor when the store repaired itself on opening, until dismissed.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreProblem } from '../../../shared/domain';
import { desk } from '../api/desk-client';
import { settingsQueries } from '../features/settings/settings-queries';

/** A dismissable banner listing the store's problems (from getStatus and the storeProblem event). */
export function StatusBanner() {
  const { t } = useTranslation();
  const status = useQuery(settingsQueries.status());
  const [pushed, setPushed] = useState<StoreProblem[]>([]);
  const [dismissed, setDismissed] = useState<Set<string>>(() => new Set());

  useEffect(() => desk.on('storeProblem', (p) => setPushed((list) => [...list, p])), []);

  const keyOf = (p: StoreProblem) => `${p.kind}|${p.file}|${p.at}`;
  const seen = new Set<string>();
  const problems = [...(status.data?.problems ?? []), ...pushed].filter((p) => {
    const k = keyOf(p);
    if (seen.has(k) || dismissed.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (problems.length === 0) return null;

  return (
    <div
      className="banner banner-warning"
      role="region"
      aria-label={t('banner.label')}
      data-testid="store-problem-banner"
    >
      <ul>
        {problems.map((p) => (
          <li key={keyOf(p)} title={p.detail}>
            {p.setAsideAt
              ? t('banner.setAside', { path: p.setAsideAt })
              : t('banner.repaired', { file: p.file })}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button"
        onClick={() => setDismissed(new Set([...dismissed, ...problems.map(keyOf)]))}
      >
        {t('common.dismiss')}
      </button>
    </div>
  );
}
