// What every printed sheet shares: the ready mark printToPDF waits for, the print date, and
// the list of findings.
import { useEffect, useState } from 'react';
import type { Finding } from '../../shared/report/model.ts';
import { findingLabel } from '../../shared/report/status.ts';

/** Marks the page ready once its data is rendered and its fonts are loaded. */
function useReady(ready: boolean): void {
  useEffect(() => {
    if (ready) void document.fonts.ready.then(() => (document.body.dataset.ready = '1'));
  }, [ready]);
}

/**
 * A sheet's data, loaded once per `key`; the page is marked ready when it is in or the call
 * failed, so a failed sheet prints its message instead of leaving the printer waiting.
 */
export function useSheetData<T>(load: () => Promise<T>, key: string): { data: T | null; error: string | null } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    load().then(setData, (e: Error) => setError(e.message));
  }, [key]);
  useReady(!!data || !!error);
  return { data, error };
}

export function printDate(): string {
  const d = new Date();
  return `打印日期：${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

export function PrintFindings({ findings }: { findings: Pick<Finding, 'severity' | 'message' | 'rule' | 'fault'>[] }) {
  return (
    <ol>
      {findings.map((f, i) => (
        <li key={i}>
          {`【${findingLabel(f)}】`}
          {f.message}
        </li>
      ))}
    </ol>
  );
}
