// The year batch on the summary page: main asks for a folder, then every agency's
// comparison with its previous year is written there (Excel and PDF) with the year's summary.
// The page polls the job: a bar, the sheet being written, cancel; at the end what was
// written and which agencies had no previous year.
import { useEffect, useState } from 'react';
import type { BatchStatus } from '../../shared/contract/types.ts';
import { api } from '../api.ts';
import { ProgressBar } from './ProgressBar.tsx';

function outcome(s: BatchStatus): string {
  const files = `生成 ${s.written} 个文件`;
  if (s.error) return `生成中断：${s.error}（已在 ${s.folder} ${files}）`;
  if (s.cancelled) return `已取消：已在 ${s.folder} ${files}`;
  return `已在 ${s.folder} ${files}${s.skipped.length ? `；${s.skipped.length} 个单位没有上一年度报告，未生成` : ''}`;
}

/** The batch of this page: its status while polled, and how to start one. */
export function useBatch(year: number) {
  const [status, setStatus] = useState<BatchStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = status !== null && !status.finished;
  // Back on the page: the year's batch, if one was started, running or done.
  useEffect(() => {
    setStatus(null);
    if (year) api.latestBatch({ year }).then(setStatus, () => undefined);
  }, [year]);
  useEffect(() => {
    if (!running) return;
    const t = setTimeout(() => api.batchStatus({ jobId: status.jobId }).then(setStatus), 250);
    return () => clearTimeout(t);
  }, [status]);
  const start = async () => {
    setError(null);
    try {
      const job = await api.startBatch({ year });
      if (job) setStatus(await api.batchStatus(job));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  /** A finished batch's line goes away when the clerk closes it. */
  const dismiss = () => setStatus(null);
  return { status, running, error, start, dismiss };
}

export function BatchPanel({ status, onClose }: { status: BatchStatus; onClose: () => void }) {
  return (
    <div className={`banner batch${status.error ? ' error' : ''}`} aria-label="批量生成">
      {!status.finished ? (
        <>
          <ProgressBar done={status.done} total={status.total} finished={false} />
          <p className="progress-text">
            已完成 {status.done} / {status.total}
            {status.current ? `，正在生成：${status.current}` : ''}
            <button className="link" onClick={() => api.cancelBatch({ jobId: status.jobId })}>
              取消
            </button>
          </p>
        </>
      ) : (
        <>
          <span className="batch-outcome">{outcome(status)}</span>{' '}
          <button className="link" onClick={() => api.openBatchFolder({ jobId: status.jobId })}>
            打开文件夹
          </button>
          <button className="link" onClick={onClose}>
            关闭
          </button>
          {status.skipped.length > 0 && (
            <details>
              <summary>未生成的单位</summary>
              <ul>
                {status.skipped.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </div>
  );
}
