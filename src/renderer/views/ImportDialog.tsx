// Import progress: files done of total, the current file, cancel, then the summary.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportGrant, ImportItem, ImportStatus } from '../../shared/contract/types.ts';
import { api } from '../api.ts';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { useEscape } from '../components/Modal.tsx';

const ITEM_LABELS: Record<ImportItem['status'], string> = { imported: '已导入', duplicate: '重复', skipped: '跳过', failed: '失败' };

/** `onProgress`: more reports are in the archive (the top bar's count follows the import). */
/** `pages`: the granted folder holds one report's page pictures, imported as that one report. */
export function ImportDialog({ grant, pages, onClose, onProgress }: { grant: ImportGrant; pages?: boolean; onClose: () => void; onProgress?: () => void }) {
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [items, setItems] = useState<ImportItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const jobId = useRef<string | null>(null);

  useEffect(() => {
    let stop = false;
    let since = 0;
    let imported = 0;
    const poll = async () => {
      if (stop || !jobId.current) return;
      const s = await api.importStatus({ jobId: jobId.current, since });
      if (!s || stop) return;
      since = s.itemCount;
      setItems((prev) => [...prev, ...s.items]);
      setStatus(s);
      if (s.counts.imported !== imported) {
        imported = s.counts.imported;
        onProgress?.();
      }
      if (!s.finished) setTimeout(poll, 250);
    };
    api.startImport({ grant: grant.grant, ...(pages ? { pages: true } : {}) }).then(
      ({ jobId: id }) => {
        jobId.current = id;
        void poll();
      },
      (e: Error) => setError(e.message),
    );
    return () => {
      stop = true;
    };
  }, [grant]);

  const finished = status?.finished ?? false;
  useEscape(useCallback(() => finished && onClose(), [finished, onClose]));
  const shown = items.filter((i) => i.status !== 'imported' || i.message !== '已导入');

  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-label="导入报告">
        <h2>{finished ? (status!.stopped ? '导入已停止' : status!.cancelled ? '导入已取消' : '导入完成') : '正在导入'}</h2>
        <p className="muted">
          来源：{grant.labels.join('、')}
          {pages ? '（文件夹中的图片按文件名顺序作为一份报告的各页）' : ''}
        </p>
        {error && <p className="error-text">{error}</p>}
        {status && (
          <>
            <ProgressBar done={status.done} total={status.total} finished={finished} />
            <p className="progress-text">
              {status.scanning ? `正在查找文件…已找到 ${status.total} 个` : `${status.done} / ${status.total} 个文件`}
              {!finished && status.current ? `，正在处理：${status.current}` : ''}
            </p>
            {status.stopped && (
              <p className="error-text" role="alert">
                {status.stopped}。
              </p>
            )}
            {status.warning && (
              <p className="warning-text" role="alert">
                {status.warning}
              </p>
            )}
            <div className="summary">
              <span className="ok">导入 {status.counts.imported}</span>
              <span>重复 {status.counts.duplicate}</span>
              <span>跳过 {status.counts.skipped}</span>
              <span className={status.counts.failed ? 'bad' : ''}>失败 {status.counts.failed}</span>
            </div>
            {finished && <NextStep next={status.next} />}
          </>
        )}
        {shown.length > 0 && (
          <div className="import-items">
            <table>
              <thead>
                <tr>
                  <th>结果</th>
                  <th>文件</th>
                  <th>说明</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((i, k) => (
                  <tr key={k} className={`item-${i.status}`}>
                    <td>{ITEM_LABELS[i.status]}</td>
                    <td title={i.path}>{i.name}</td>
                    <td>{i.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="modal-actions">
          {!finished && jobId.current && (
            <button onClick={() => jobId.current && api.cancelImport({ jobId: jobId.current })}>取消导入</button>
          )}
          {(finished || error) && (
            <button className="primary" onClick={onClose}>
              关闭
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

/** The last line of an import: what the clerk does next with what came in. */
function NextStep({ next }: { next: ImportStatus['next'] }) {
  const parts = [
    next.review ? <a key="r" href="#/review">{next.review} 份待确认</a> : null,
    next.copies ? <span key="c">{next.copies} 份为已有报告的另一文件（统计时只算一份）</span> : null,
    next.versions ? <span key="v">{next.versions} 份为新一稿</span> : null,
  ].filter(Boolean);
  if (!parts.length) return null;
  return (
    <p className="next-step" role="status">
      下一步：{parts.map((p, i) => (i ? ['；', p] : p))}
    </p>
  );
}
