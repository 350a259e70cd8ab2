// The printed 整改跟踪 (A4 landscape), for the office's meeting: the same table as the page,
// overdue rows in red, and under it each unit's findings still open.
import { api } from '../api.ts';
import { printDate, useSheetData } from '../components/print.tsx';
import { TrackingTable } from '../components/TrackingTable.tsx';

export function PrintTracking({ year }: { year: number }) {
  const { data: t, error } = useSheetData(() => api.tracking({ year }), String(year));
  if (error) return <p className="error-text">{error}</p>;
  if (!t) return null;
  const open = t.rows.filter((r) => r.open > 0);
  return (
    <div className="print-sheet tracking">
      <h1>{year}年度年报审核意见整改跟踪表</h1>
      <p className="print-sub">
        共 {t.rows.length} 个单位收到审核意见，{t.rows.filter((r) => r.revised).length} 个已报送修改稿，{t.rows.filter((r) => r.overdue).length} 个逾期未报（标红） · {printDate()}
      </p>
      {t.rows.length === 0 ? <p>{year}年度还没有生成过审核意见。</p> : <TrackingTable rows={t.rows} sort="agency" />}
      {open.length > 0 && (
        <>
          <h2>未整改的问题</h2>
          {open.map((r) => (
            <section key={r.noticeId} className="print-open">
              <h3>{r.agency}</h3>
              <ol>
                {r.findings
                  .filter((f) => f.state === '未整改')
                  .map((f) => (
                    <li key={f.key}>{f.message}</li>
                  ))}
              </ol>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
