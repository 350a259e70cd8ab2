// A line chart of figures over the years, for an agency's 历年情况 and the area's 态势, on the
// page and on printed sheets. A year with no report or no figure breaks the line: it is never
// drawn across a gap. Ticks are distinct whole numbers (or percentages for rates).
const COLORS = ['#0b5cad', '#1a7f37', '#b42318', '#9a6700'];

/** The top of the scale: 3229 → 4000, 21 → 40, 7 → 8; always even, so the middle tick is whole. */
function niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 4, 6, 8, 10].map((m) => m * p).find((n) => n >= v)!;
}

export interface ChartLine {
  label: string;
  /** One value per year, null where there is none. */
  values: (number | null)[];
}

export function LineChart({ years, lines, title, percent = false }: { years: number[]; lines: ChartLine[]; title: string; percent?: boolean }) {
  const W = 720;
  const H = 240;
  const P = { l: 60, r: 16, t: 16, b: 34 };
  const values = lines.flatMap((l) => l.values).filter((v): v is number => v !== null);
  if (values.length === 0)
    return (
      <p className="muted chart-empty" role="img" aria-label={title}>
        {title}：无数据（统计表中没有可画的数字）
      </p>
    );
  const max = percent ? Math.min(1, Math.max(0.1, Math.ceil(Math.max(...values) * 10) / 10)) : niceCeil(Math.max(2, ...values));
  const ticks = percent ? [0, max / 2, max] : [0, Math.round(max / 2), max];
  const tick = (v: number) => (percent ? `${Math.round(v * 100)}%` : String(v));
  const x = (i: number) => P.l + (years.length === 1 ? (W - P.l - P.r) / 2 : (i * (W - P.l - P.r)) / (years.length - 1));
  const y = (v: number) => H - P.b - (v / max) * (H - P.t - P.b);
  return (
    <figure className="chart-figure">
      <figcaption>{title}</figcaption>
      <svg className="chart" viewBox={`0 0 ${W} ${H + 24}`} role="img" aria-label={title}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={P.l} x2={W - P.r} y1={y(v)} y2={y(v)} stroke="#eaeef2" />
            <text x={P.l - 6} y={y(v) + 4} textAnchor="end" fontSize="13" fill="#57606a">
              {tick(v)}
            </text>
          </g>
        ))}
        {years.map((yr, i) => (
          <text key={yr} x={x(i)} y={H - 10} textAnchor="middle" fontSize="13" fill="#57606a">
            {yr}
          </text>
        ))}
        {lines.map((line, k) => {
          const runs: string[][] = [];
          line.values.forEach((v, i) => {
            if (v === null) return void runs.push([]);
            if (runs.length === 0 || (i > 0 && years[i] - years[i - 1] > 1)) runs.push([]);
            runs[runs.length - 1].push(`${x(i)},${y(v)}`);
          });
          return (
            <g key={line.label}>
              {runs
                .filter((run) => run.length > 1)
                .map((run, j) => (
                  <polyline key={j} points={run.join(' ')} fill="none" stroke={COLORS[k % COLORS.length]} strokeWidth="2" />
                ))}
              {line.values.map((v, i) =>
                v === null ? null : (
                  <circle key={i} cx={x(i)} cy={y(v)} r="3" fill={COLORS[k % COLORS.length]}>
                    <title>{`${years[i]}年度 ${line.label}：${percent ? `${(Math.round(v * 1000) / 10).toFixed(1)}%` : v}`}</title>
                  </circle>
                ),
              )}
              <rect x={P.l + k * 160} y={H + 7} width="12" height="12" fill={COLORS[k % COLORS.length]} />
              <text x={P.l + 17 + k * 160} y={H + 18} fontSize="14">
                {line.label}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
