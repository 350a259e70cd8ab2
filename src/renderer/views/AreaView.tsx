// 区域汇总表: the tables 二, 三 and 四 of a year summed over the units under a government (or
// every report of the year), in the official layout; click a cell to see which unit adds what;
// the government's own report set against the sum of its units; Word and Excel to take away.
import { useEffect, useMemo, useState } from 'react';
import type { AreaSummary } from '../../shared/contract/types.ts';
import { areaCells } from '../../shared/area/sum.ts';
import { columnLabel, rowLabel, TABLE_TITLES } from '../../shared/report/templates/index.ts';
import type { TableId } from '../../shared/report/model.ts';
import { api } from '../api.ts';
import { keyOf, ReportTables } from '../components/ReportTables.tsx';
import { AreaDifferences } from '../components/AreaDifferences.tsx';
import { YearRegion } from '../components/YearRegion.tsx';
import { selectionText } from '../../shared/area/selection.ts';
import { useAction } from '../components/useAction.ts';

export function AreaView({ years, params }: { years: number[]; params: URLSearchParams }) {
  const year = Number(params.get('year')) || years[0] || 0;
  const region = params.get('region') ?? '';
  const own = params.get('own') === 'include' ? 'include' : 'exclude';
  const [a, setA] = useState<AreaSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ table: TableId; row: string; col: string } | null>(null);
  const [message, run] = useAction();

  const go = (patch: { year?: number; region?: string; own?: string }) => {
    const p = new URLSearchParams({ year: String(patch.year ?? year), ...((patch.region ?? region) ? { region: patch.region ?? region } : {}), own: patch.own ?? own });
    location.hash = `#/area?${p}`;
  };

  useEffect(() => {
    if (!year) return;
    setA(null);
    setError(null);
    api.areaSummary({ year, own, ...(region ? { region } : {}) }).then(setA, (e: Error) => setError(e.message));
  }, [year, region, own]);

  const cells = useMemo(() => (a ? areaCells(a) : []), [a]);
  const marked = useMemo(() => {
    const m = new Map<string, 'error' | 'warning'>();
    for (const d of a?.differences ?? []) m.set(keyOf(d.table, d.row, d.col), 'warning');
    return m;
  }, [a]);
  if (!year) return <p className="muted pad">档案中还没有报告。</p>;
  const cell = picked && a?.cells.find((c) => c.table === picked.table && c.row === picked.row && c.col === picked.col);
  const args = { year, own, ...(region ? { region } : {}) } as const;

  return (
    <section className="area">
      <div className="report-head">
        <h1 className="page-title">区域汇总表</h1>
        <YearRegion label="汇总年度" years={years} year={year} region={region} submit="汇总" placeholder="所属政府，如：平潭综合实验区（不填为全部报告）" onChange={(y, r) => go({ year: y, region: r })} />
        <label className="check">
          <input type="checkbox" checked={own === 'include'} onChange={(e) => go({ own: e.target.checked ? 'include' : 'exclude' })} />
          含本级政府报告
        </label>
        <span className="spacer" />
        <a className="nowrap" href={`#/overview?${new URLSearchParams({ year: String(year), ...(region ? { region } : {}) })}`}>
          态势
        </a>
        <button disabled={!a?.units.length} onClick={run(() => api.printSheet({ sheet: 'area', ...args, action: 'preview' }))}>
          打印预览
        </button>
        <button disabled={!a?.units.length} onClick={run(() => api.printSheet({ sheet: 'area', ...args, action: 'save' }))}>
          保存为PDF
        </button>
        <button disabled={!a?.units.length} onClick={run(() => api.exportArea({ ...args, format: 'docx' }))}>
          导出Word
        </button>
        <button disabled={!a?.units.length} onClick={run(() => api.exportArea({ ...args, format: 'xlsx' }))}>
          导出Excel
        </button>
      </div>
      {message && <div className="banner">{message}</div>}
      {error && <p className="error-text">{error}</p>}
      {a && (
        <>
          <p className="muted">
            {a.year}年度：{selectionText(a)}的报告{a.own ? `（${a.own.included ? '含' : '不含'}本级“${a.own.agency}”）` : ''}，按{a.template === 'T2021' ? '2021版' : '2019版'}格式汇总。空白和“/”等不计为0，点格子可看各单位的数字。
          </p>
          {a.region && a.missing.length === 0 && (
            <p className="muted">缺报按<a href="#/directory">单位目录</a>中的上级和“应报”计算。</p>
          )}
          {a.variants.length > 0 && (
            <p className="variant-units">
              已报（名称不同）：
              {a.variants.map((v, i) => (
                <span key={v.unit}>
                  {i > 0 && '；'}
                  {v.unit}（报告名称为<a href={`#/report/${v.reportId}`}>{v.agency}</a>）
                </span>
              ))}
              。已计入汇总；可在<a href="#/agencies">“单位”页</a>合并名称。
            </p>
          )}
          {a.missing.length > 0 && (
            <p className="warn-text missing-units">
              缺报（单位目录中应报、{a.year}年度没有报告的单位）：{a.missing.join('、')}
            </p>
          )}
          {a.late.length > 0 && (
            <p className="warn-text late-units">
              迟报（落款日期晚于截止日期）：{a.late.map((l) => `${l.agency}（${l.date ?? '日期不明'}）`).join('、')}
            </p>
          )}
          {a.notes.map((n) => (
            <p key={n} className="warn-text">
              注：{n}
            </p>
          ))}
          {a.own && (
            <div className="area-own">
              {a.differences.length === 0 ? (
                <p className="ok-text">本级“{a.own.agency}”报告的统计表与各单位之和一致。</p>
              ) : (
                <details open={a.differences.length <= 12}>
                  <summary className="warn-text">
                    本级“{a.own.agency}”报告有 {a.differences.length} 个格子与各单位之和不同（表中标黄）
                  </summary>
                  <AreaDifferences a={a} />
                </details>
              )}
            </div>
          )}
          <div className="area-body">
            <ReportTables
              template={a.template}
              cells={cells}
              marked={marked}
              focused={new Set(picked ? [keyOf(picked.table, picked.row, picked.col)] : [])}
              sums
              hint="点击查看各单位的数字"
              onEdit={(table, row, col) => setPicked({ table, row, col })}
            />
            {cell && (
              <aside className="area-parts" aria-label="各单位的数字">
                <h2>
                  {TABLE_TITLES[cell.table].split(' ')[0]}“{rowLabel(a.template, cell.table, cell.row)}”{columnLabel(a.template, cell.table, cell.col)}
                </h2>
                <p>
                  合计 <strong>{cell.sum ?? '—'}</strong>（{cell.parts.length} 个单位）
                </p>
                <table className="grid">
                  <tbody>
                    {cell.parts.map((p) => (
                      <tr key={p.reportId}>
                        <td>
                          <a href={`#/report/${p.reportId}`}>{p.agency}</a>
                          {p.mapped && <span className="muted">（{p.mapped}）</span>}
                        </td>
                        <td className="num">{p.value}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {cell.blank.length > 0 && <p className="warn-text">未填（不计为0）：{cell.blank.join('、')}</p>}
                {cell.absent.length > 0 && <p className="muted">报告中无此项：{cell.absent.join('、')}</p>}
              </aside>
            )}
          </div>
        </>
      )}
    </section>
  );
}
