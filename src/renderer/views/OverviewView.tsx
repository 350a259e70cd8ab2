// 态势: one page a leader can read for a year: reports received, missing, late and with errors by
// kind of unit; each unit's indicators with those above the office's thresholds in red, ranked
// by the column clicked; the area's figures over the years.
import { useEffect, useState } from 'react';
import type { Overview } from '../../shared/contract/types.ts';
import { formatRate, INDICATORS } from '../../shared/compare/indicators.ts';
import { api } from '../api.ts';

const SHOWN = ['openRate', 'withheldRate', 'reviewCorrection', 'suitCorrection'];
const label = (id: string) => INDICATORS.find((i) => i.id === id)!.label;

export function OverviewView({ years, params }: { years: number[]; params: URLSearchParams }) {
  const year = Number(params.get('year')) || years[0] || 0;
  const region = params.get('region') ?? '';
  const [o, setO] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<string>('reviewCorrection');
  const [regionText, setRegionText] = useState(region);
  useEffect(() => {
    if (!year) return;
    setO(null);
    api.overview({ year, ...(region ? { region } : {}) }).then(setO, (e: Error) => setError(e.message));
  }, [year, region]);
  if (!year) return <p className="muted pad">档案中还没有报告。</p>;
  const go = (y: number, r: string) => (location.hash = `#/overview?${new URLSearchParams({ year: String(y), ...(r ? { region: r } : {}) })}`);
  const setThreshold = async (id: string, percent: string) => {
    const v = Number(percent) / 100;
    if (!o || !Number.isFinite(v) || v < 0 || v > 1) return;
    await api.setSettings({ thresholds: { ...o.thresholds, [id]: v } });
    setO(await api.overview({ year, ...(region ? { region } : {}) }));
  };
  const ranked = o ? [...o.units].sort((a, b) => (b.indicators[sort] ?? -1) - (a.indicators[sort] ?? -1)) : [];

  return (
    <section className="overview">
      <div className="report-head">
        <h1 className="page-title">态势</h1>
        <select aria-label="态势年度" value={year} onChange={(e) => go(Number(e.target.value), region)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>
        <form
          className="region"
          onSubmit={(e) => {
            e.preventDefault();
            go(year, regionText.trim());
          }}
        >
          <input aria-label="区域" placeholder="所属政府（不填为全部报告）" value={regionText} onChange={(e) => setRegionText(e.target.value)} />
          <button type="submit">查看</button>
        </form>
      </div>
      {error && <p className="error-text">{error}</p>}
      {o && (
        <>
          <h2>报送情况</h2>
          <table className="grid overview-kinds">
            <thead>
              <tr>
                <th>单位类别</th>
                <th className="num">应报</th>
                <th className="num">已报</th>
                <th className="num">缺报</th>
                <th className="num">迟报</th>
                <th className="num">有错误</th>
              </tr>
            </thead>
            <tbody>
              {o.byKind.map((k) => (
                <tr key={k.kind}>
                  <td>{k.kind}</td>
                  <td className="num">{k.expected}</td>
                  <td className="num">{k.received}</td>
                  <td className={k.missing ? 'num error-text' : 'num'}>{k.missing}</td>
                  <td className={k.late ? 'num warn-text' : 'num'}>{k.late}</td>
                  <td className={k.errors ? 'num error-text' : 'num'}>{k.errors}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>各单位的主要指标</h2>
          <p className="muted">
            超过阈值的标红（阈值可改）：
            {Object.entries(o.thresholds).map(([id, v]) => (
              <label key={id} className="threshold">
                {label(id)} &gt;
                <input aria-label={`${label(id)}阈值`} type="number" min={0} max={100} step={1} defaultValue={Math.round(v * 100)} onBlur={(e) => void setThreshold(id, e.target.value)} />%
              </label>
            ))}
          </p>
          <table className="grid overview-units">
            <thead>
              <tr>
                <th>排名</th>
                <th>单位</th>
                <th>类别</th>
                {SHOWN.map((id) => (
                  <th key={id} className="num" aria-sort={sort === id ? 'descending' : 'none'}>
                    <button className="sort" onClick={() => setSort(id)}>
                      {label(id)}
                      {sort === id ? ' ▼' : ''}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ranked.map((u, i) => (
                <tr key={u.reportId}>
                  <td className="num">{i + 1}</td>
                  <td>
                    <a href={`#/report/${u.reportId}`}>{u.agency}</a>
                  </td>
                  <td>{u.kind}</td>
                  {SHOWN.map((id) => (
                    <td key={id} className={u.flagged.includes(id) ? 'num error-text flagged' : 'num'}>
                      {formatRate(u.indicators[id])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <h2>历年情况</h2>
          <table className="grid overview-years">
            <thead>
              <tr>
                <th>年度</th>
                <th className="num">报告数</th>
                <th className="num">本年新收申请</th>
                <th className="num">公开率</th>
                <th className="num">复议纠错率</th>
              </tr>
            </thead>
            <tbody>
              {o.series.map((s) => (
                <tr key={s.year}>
                  <td>{s.year}年度</td>
                  <td className="num">{s.reports}</td>
                  <td className="num">{s.applications ?? '—'}</td>
                  <td className="num">{formatRate(s.openRate)}</td>
                  <td className="num">{formatRate(s.reviewCorrection)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
