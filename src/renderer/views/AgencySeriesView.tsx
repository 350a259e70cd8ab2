// One agency's years: key figures and indicators per year, and a line chart of the counts
// reviewers follow (本年新收, 予以公开, 行政复议, 行政诉讼).
import { useEffect, useState } from 'react';
import { CHART_FIGURES, FIGURES } from '../../shared/compare/figures.ts';
import { FigureCells } from '../components/FigureCells.tsx';
import type { AgencySeries } from '../../shared/contract/types.ts';
import { api } from '../api.ts';
import { BackLink } from '../components/BackLink.tsx';
import { useAction } from '../components/useAction.ts';

const COLORS = ['#0b5cad', '#1a7f37', '#b42318', '#9a6700'];

export function Chart({ s }: { s: AgencySeries }) {
  const W = 720;
  const H = 240;
  const P = { l: 48, r: 16, t: 16, b: 32 };
  const years = s.rows.map((r) => r.year!);
  const values = s.rows.flatMap((r) => CHART_FIGURES.map((f) => r.figures[f])).filter((v): v is number => v !== null);
  if (values.length === 0)
    return (
      <p className="muted chart-empty" role="img" aria-label="历年数量变化图">
        历年数量变化图：无数据（这些报告的统计表中没有可画的数字）
      </p>
    );
  // Ticks that are whole numbers and distinct: 0, 1, 2 rather than 0, 1, 1.
  const max = Math.max(2, ...values);
  const x = (i: number) => P.l + (years.length === 1 ? (W - P.l - P.r) / 2 : (i * (W - P.l - P.r)) / (years.length - 1));
  const y = (v: number) => H - P.b - (v / max) * (H - P.t - P.b);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H + 24}`} role="img" aria-label="历年数量变化图">
      {[0, Math.round(max / 2), max].map((v) => (
        <g key={v}>
          <line x1={P.l} x2={W - P.r} y1={y(v)} y2={y(v)} stroke="#eaeef2" />
          <text x={P.l - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#656d76">
            {v}
          </text>
        </g>
      ))}
      {years.map((yr, i) => (
        <text key={yr} x={x(i)} y={H - 10} textAnchor="middle" fontSize="11" fill="#656d76">
          {yr}
        </text>
      ))}
      {CHART_FIGURES.map((f, k) => {
        const pts = s.rows.map((r, i) => (r.figures[f] === null ? null : `${x(i)},${y(r.figures[f]!)}`)).filter(Boolean);
        // A year with no report (2019, then 2025) or no figure breaks the line: it is not drawn across.
        const runs: string[][] = [];
        s.rows.forEach((r, i) => {
          const gap = i > 0 && (r.year ?? 0) - (s.rows[i - 1].year ?? 0) > 1;
          if (r.figures[f] === null) return void runs.push([]);
          if (gap || runs.length === 0) runs.push([]);
          runs[runs.length - 1].push(`${x(i)},${y(r.figures[f]!)}`);
        });
        return (
          <g key={f}>
            {runs
              .filter((run) => run.length > 1)
              .map((run, j) => (
                <polyline key={j} points={run.join(' ')} fill="none" stroke={COLORS[k]} strokeWidth="2" />
              ))}
            {pts.map((p) => (
              <circle key={p} cx={p!.split(',')[0]} cy={p!.split(',')[1]} r="3" fill={COLORS[k]} />
            ))}
            <rect x={P.l + k * 150} y={H + 8} width="10" height="10" fill={COLORS[k]} />
            <text x={P.l + 14 + k * 150} y={H + 17} fontSize="12">
              {FIGURES.find((x) => x.id === f)!.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
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
