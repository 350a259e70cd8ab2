// What every printed sheet shares: the ready mark printToPDF waits for, the print date, and
// the list of findings.
import { useEffect } from 'react';
import type { Finding } from '../../shared/report/model.ts';

/** Marks the page ready once its data is rendered and its fonts are loaded. */
export function useReady(ready: boolean): void {
  useEffect(() => {
    if (ready) void document.fonts.ready.then(() => (document.body.dataset.ready = '1'));
  }, [ready]);
}

export function printDate(): string {
  const d = new Date();
  return `打印日期：${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

export function PrintFindings({ findings }: { findings: Pick<Finding, 'severity' | 'message'>[] }) {
  return (
    <ol>
      {findings.map((f, i) => (
        <li key={i}>
          {f.severity === 'error' ? '【错误】' : '【提醒】'}
          {f.message}
        </li>
      ))}
    </ol>
  );
}
