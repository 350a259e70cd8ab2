// One agency's years: key figures and indicators per year, and a line chart of the counts
// reviewers follow (本年新收, 予以公开, 行政复议, 行政诉讼).
import { useEffect, useState } from 'react';
import { CHART_FIGURES, FIGURES } from '../../shared/compare/figures.ts';
import { FigureCells } from '../components/FigureCells.tsx';
import { LineChart } from '../components/LineChart.tsx';
import type { AgencySeries } from '../../shared/contract/types.ts';
import { api } from '../api.ts';
import { BackLink } from '../components/BackLink.tsx';
import { useAction } from '../components/useAction.ts';

/** The counts reviewers follow (本年新收, 予以公开, 行政复议, 行政诉讼), year by year. */
export function Chart({ s }: { s: AgencySeries }) {
  const lines = CHART_FIGURES.map((f) => ({ label: FIGURES.find((x) => x.id === f)!.label, values: s.rows.map((r) => r.figures[f]) }));
  return <LineChart years={s.rows.map((r) => r.year!)} lines={lines} title="历年数量变化图" />;
}

export function AgencySeriesView({ agency }: { agency: string }) {
  const [s, setS] = useState<AgencySeries | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, run] = useAction();
  useEffect(() => {
    api.agencySeries({ agency }).then(setS, (e: Error) => setError(e.message));
  }, [agency]);

  if (error) return <p className="error-text pad">{error}</p>;
  if (!s) return <p className="muted pad">正在读取…</p>;
  return (
    <section className="series">
      <div className="report-head">
        <BackLink />
        <h1 className="page-title">{s.group} 历年情况</h1>
        <span className="spacer" />
        <button onClick={run(() => api.printSheet({ sheet: 'series', agency: s.group, action: 'preview' }))}>打印预览</button>
        <button onClick={run(() => api.printSheet({ sheet: 'series', agency: s.group, action: 'save' }))}>保存为PDF</button>
        <button onClick={run(() => api.exportSeries({ agency: s.group, format: 'xlsx' }))}>导出Excel</button>
      </div>
      {message && <div className="banner">{message}</div>}
      {s.names.length > 1 && <p className="muted">包括合并的名称：{s.names.join('、')}</p>}
      <table className="grid cmp">
        <thead>
          <tr>
            <th>年度</th>
            {FIGURES.map((f) => (
              <th key={f.id} className="num">
                {f.label}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {s.rows.map((r, i) => (
            <tr key={r.reportId}>
              <td>
                <a href={`#/report/${r.reportId}`}>{r.year}年度</a>
              </td>
              <FigureCells figures={r.figures} />
              <td>{i > 0 && <a href={`#/compare?ids=${s.rows[i - 1].reportId},${r.reportId}`}>与上一年比较</a>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {s.rows.length > 0 && <Chart s={s} />}
    </section>
  );
}
