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
  const max = Math.max(1, ...s.rows.flatMap((r) => CHART_FIGURES.map((f) => r.figures[f] ?? 0)));
  const x = (i: number) => P.l + (years.length === 1 ? (W - P.l - P.r) / 2 : (i * (W - P.l - P.r)) / (years.length - 1));
  const y = (v: number) => H - P.b - (v / max) * (H - P.t - P.b);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H + 24}`} role="img" aria-label="历年数量变化图">
      {[0, 0.5, 1].map((k) => (
        <g key={k}>
          <line x1={P.l} x2={W - P.r} y1={y(max * k)} y2={y(max * k)} stroke="#eaeef2" />
          <text x={P.l - 6} y={y(max * k) + 4} textAnchor="end" fontSize="11" fill="#656d76">
            {Math.round(max * k)}
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
        return (
          <g key={f}>
            <polyline points={pts.join(' ')} fill="none" stroke={COLORS[k]} strokeWidth="2" />
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
