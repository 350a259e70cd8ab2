// What every printed sheet shares: the ready mark printToPDF waits for, the print date, and
// the list of findings.
import { useEffect, useState, type ReactNode } from 'react';
import type { Finding } from '../../shared/report/model.ts';
import { findingLabel } from '../../shared/report/status.ts';

// Pictures a sheet draws after its data is in (the crops of originals): the sheet is not ready
// until they are. They register as they mount, before the sheet's own effect runs (React runs a
// child's effects first), and each settles drawn or with its reason.
const pictures = new Set<Promise<unknown>>();

export function trackPicture(p: Promise<unknown>): void {
  const settled = p.catch(() => undefined).finally(() => pictures.delete(settled));
  pictures.add(settled);
}

/** Marks the page ready once its data is rendered, its pictures drawn and its fonts loaded. */
function useReady(ready: boolean): void {
  useEffect(() => {
    if (ready) void Promise.all([...pictures]).then(() => document.fonts.ready).then(() => (document.body.dataset.ready = '1'));
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

/** `after`: what a finding is printed with (the crop of its original), by its index. */
export function PrintFindings({ findings, after }: { findings: Pick<Finding, 'severity' | 'message' | 'rule' | 'fault'>[]; after?: (i: number) => ReactNode }) {
  return (
    <ol>
      {findings.map((f, i) => (
        <li key={i}>
          {`【${findingLabel(f)}】`}
          {f.message}
          {after?.(i)}
        </li>
      ))}
    </ol>
  );
}
