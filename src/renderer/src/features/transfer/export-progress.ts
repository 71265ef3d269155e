// Follows one export through the desk's progress events (and asks once, in case they were missed).
import { useEffect, useState } from 'react';
import type { ExportProgress } from '../../../../shared/transfer/transfer-protocol';
import { desk } from '../../api/desk-client';

/** The latest progress of the export `jobId` (null before it starts). */
export function useExportProgress(jobId: string | null): ExportProgress | null {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  useEffect(() => {
    if (jobId === null) return undefined;
    let live = true;
    const off = desk.on('exportProgress', (next) => {
      if (next.jobId === jobId) setProgress(next);
    });
    // A small export can finish before the subscription: the status answers then.
    void desk.getExportStatus({ jobId }).then(
      (next) =>
        live &&
        setProgress((seen) =>
          seen?.jobId === jobId && (seen.done || seen.written >= next.written) ? seen : next,
        ),
      () => undefined,
    );
    return () => {
      live = false;
      off();
    };
  }, [jobId]);
  // A new export starts from nothing, not from the last one's figures.
  return progress?.jobId === jobId ? progress : null;
}
