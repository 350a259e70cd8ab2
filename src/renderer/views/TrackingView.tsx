// 整改跟踪: for a year, every unit sent a 审核意见, its deadline, whether its revised version came,
// and the findings listed: still open, fixed, no longer applying (the clerk's word, with the
// reason), and what the revision brought. Overdue rows in red; sort by a column, show only the
// overdue or those not revised; a row opens its report (the revision if there is one) with the
// open findings marked. Printed (A4) and exported (.xlsx) as the office's meeting sheet.
import { useEffect, useState } from 'react';
import type { Tracking, TrackingRow } from '../../shared/contract/types.ts';
import { api } from '../api.ts';
import { TrackingTable, type TrackingSort } from '../components/TrackingTable.tsx';
import { useAction } from '../components/useAction.ts';

export function TrackingView({ years, params }: { years: number[]; params: URLSearchParams }) {
  const year = Number(params.get('year')) || years[0] || 0;
  const [t, setT] = useState<Tracking | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<TrackingSort>('agency');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [notRevised, setNotRevised] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const [message, run] = useAction();
  useEffect(() => {
    if (!year) return;
    setT(null);
    api.tracking({ year }).then(setT, (e: Error) => setError(e.message));
  }, [year]);
  if (!year) return <p className="muted pad">档案中还没有报告。</p>;
  const rows = (t?.rows ?? []).filter((r) => (!overdueOnly || r.overdue) && (!notRevised || !r.revised));
  const dismiss = async (r: TrackingRow, key: string, reason: string | null) => {
    try {
      setT(await api.dismissFinding({ noticeId: r.noticeId, key, reason, year }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="tracking-view">
      <div className="report-head">
        <h1 className="page-title">{year}年度整改跟踪</h1>
        <select aria-label="整改跟踪年度" value={year} onChange={(e) => (location.hash = `#/tracking?year=${e.target.value}`)}>
          {(years.includes(year) ? years : [year, ...years]).map((x) => (
            <option key={x} value={x}>
              {x}年度
            </option>
          ))}
        </select>
        <span className="spacer" />
        <button disabled={!t?.rows.length} onClick={run(() => api.printSheet({ sheet: 'tracking', year, action: 'preview' }))}>
          打印预览
        </button>
        <button disabled={!t?.rows.length} onClick={run(() => api.printSheet({ sheet: 'tracking', year, action: 'save' }))}>
          保存为PDF
        </button>
        <button disabled={!t?.rows.length} onClick={run(() => api.exportTracking({ year }))}>
          导出Excel
        </button>
      </div>
      {error && <p className="error-text">{error}</p>}
      {message && <div className="banner">{message}</div>}
      {t && t.rows.length === 0 && <p className="muted">{year}年度还没有生成过审核意见。在报告页或“汇总”页生成审核意见后，这里跟踪各单位的整改。</p>}
      {t && t.rows.length > 0 && (
        <>
          <p className="muted">
            共 {t.rows.length} 个单位收到审核意见，{t.rows.filter((r) => r.revised).length} 个已报送修改稿，
            <span className={t.rows.some((r) => r.overdue) ? 'error-text' : undefined}>{t.rows.filter((r) => r.overdue).length} 个逾期未报</span>。
            <label className="check">
              <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
              只看逾期
            </label>
            <label className="check">
              <input type="checkbox" checked={notRevised} onChange={(e) => setNotRevised(e.target.checked)} />
              只看未报送修改稿
            </label>
          </p>
          <TrackingTable
            rows={rows}
            sort={sort}
            onSort={setSort}
            extra={(r) => ({
              head: <th>操作</th>,
              cell: (
                <td className="nowrap">
                  <a href={`#/report/${r.revised?.id ?? r.reportId}`}>{r.revised ? '查看修改稿' : '查看报告'}</a>{' '}
                  <button className="link" aria-expanded={open === r.noticeId} onClick={() => setOpen(open === r.noticeId ? null : r.noticeId)}>
                    所列问题
                  </button>
                </td>
              ),
              below:
                open === r.noticeId ? (
                  <tr key={`${r.noticeId}-items`} className="tracking-items">
                    <td colSpan={10}>
                      <ListedFindings row={r} onDismiss={(key, reason) => void dismiss(r, key, reason)} />
                    </td>
                  </tr>
                ) : undefined,
            })}
          />
          {rows.length === 0 && <p className="muted">没有符合筛选条件的单位。</p>}
        </>
      )}
    </section>
  );
}

/** The findings a notice listed and their states; 不再适用 asks the reason, and can be undone. */
function ListedFindings({ row, onDismiss }: { row: TrackingRow; onDismiss: (key: string, reason: string | null) => void }) {
  const [asking, setAsking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  return (
    <ol className="listed-findings">
      {row.findings.map((f) => (
        <li key={f.key}>
          <span className={f.state === '已整改' ? 'tag ok' : f.state === '未整改' ? 'tag warn' : 'tag'}>{f.state}</span> {f.message}
          {f.dismissed && <span className="muted">（理由：{f.dismissed}）</span>}{' '}
          {f.state === '不再适用' ? (
            <button className="link" onClick={() => onDismiss(f.key, null)}>
              撤销
            </button>
          ) : f.state === '未整改' && asking !== f.key ? (
            <button className="link" onClick={() => (setAsking(f.key), setReason(''))}>
              不再适用
            </button>
          ) : null}
          {asking === f.key && (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (!reason.trim()) return;
                onDismiss(f.key, reason.trim());
                setAsking(null);
              }}
            >
              <input aria-label="不再适用的理由" placeholder="理由（如：单位已书面说明）" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} autoFocus />
              <button type="submit" disabled={!reason.trim()}>
                确定
              </button>
              <button type="button" onClick={() => setAsking(null)}>
                取消
              </button>
            </form>
          )}
        </li>
      ))}
    </ol>
  );
}
