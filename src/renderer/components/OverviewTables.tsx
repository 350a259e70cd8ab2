// 态势's tables, on the page and on its printed sheet: arrivals by kind of unit, each unit's
// indicators ranked (those above the thresholds marked), the area over the years, and what became
// of the 审核意见 sent (整改跟踪's counts).
import type { ReactNode } from 'react';
import type { Overview } from '../../shared/contract/types.ts';
import { formatRate, INDICATORS } from '../../shared/compare/indicators.ts';
import { OVERVIEW_RATES as SHOWN, rankUnits } from '../../shared/area/ranking.ts';
import { LineChart } from './LineChart.tsx';
export const indicatorLabel = (id: string) => INDICATORS.find((i) => i.id === id)!.label;

export function OverviewTables({ o, sort, onSort, children }: { o: Overview; sort: string; onSort?: (id: string) => void; children?: ReactNode }) {
  const label = indicatorLabel;
  const setSort = onSort ?? (() => undefined);
  const ranked = rankUnits(o.units, sort);
  const years = o.series.map((s) => s.year);
  return (
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
      <h2>审核意见整改</h2>
      <table className="grid overview-rectification">
        <thead>
          <tr>
            <th className="num">发出审核意见</th>
            <th className="num">已报送修改稿</th>
            <th className="num">问题已整改</th>
            <th className="num">问题未整改</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="num">{o.rectification.notices} 个单位</td>
            <td className="num">{o.rectification.revised} 个单位</td>
            <td className="num">{o.rectification.fixed} 处</td>
            <td className={o.rectification.open ? 'num warn-text' : 'num'}>{o.rectification.open} 处</td>
          </tr>
        </tbody>
      </table>
      {onSort && (
        <p className="muted">
          <a href={`#/tracking?year=${o.year}`}>查看整改跟踪</a>
        </p>
      )}
      <h2>各单位的主要指标</h2>
      {children}
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
      {o.series.length > 1 && (
        <div className="overview-charts">
          <LineChart years={years} title="历年本年新收申请数" lines={[{ label: '本年新收申请', values: o.series.map((s) => s.applications) }]} />
          <LineChart years={years} title="历年公开率和纠错率" percent lines={[{ label: '公开率', values: o.series.map((s) => s.openRate) }, { label: '行政复议纠错率', values: o.series.map((s) => s.reviewCorrection) }]} />
        </div>
      )}
    </>
  );
}
