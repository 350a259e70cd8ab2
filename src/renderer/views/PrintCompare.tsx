// The printed comparison sheet (A4 landscape): title with agencies and years, print date, the
// aligned tables with headers repeated on every page, indicators, cross-year checks, and how
// much of the text repeats. Page numbers come from the PDF footer.
import { formatPointChange, formatRate } from '../../shared/compare/index.ts';
import { api } from '../api.ts';
import { PrintFindings, printDate, useSheetData } from '../components/print.tsx';
import { templateLabel } from '../format.ts';

export function PrintCompare({ ids }: { ids: number[] }) {
  const { data: c, error } = useSheetData(() => api.compare({ ids }), ids.join(','));
  if (error) return <p className="error-text">{error}</p>;
  if (!c) return null;
  const two = c.reports.length === 2;
  const title = [...new Set(c.reports.map((r) => r.agency ?? '未识别单位'))].join('、');
  const years = c.reports.map((r) => r.year ?? '？').join('、');
  const cols = 2 + c.reports.length + (two ? 2 : 0);
  return (
    <div className="print-sheet">
      <h1>政府信息公开工作年度报告比较表</h1>
      <p className="print-sub">
        {title}（{years}年度） · {printDate()}
      </p>
      <table className="print-table">
        <thead>
          <tr>
            <th>项目</th>
            <th>列</th>
            {c.reports.map((r) => (
              <th key={r.id}>
                {r.agency ?? '（未识别单位）'}
                <br />
                {r.year ?? '？'}年度（{templateLabel(r.template)}）
              </th>
            ))}
            {two && <th>变化</th>}
            {two && <th>变化率</th>}
          </tr>
        </thead>
        <tbody>
          {c.tables.flatMap((t) => [
            <tr key={t.table} className="section">
              <td colSpan={cols}>{t.title}</td>
            </tr>,
            ...t.lines
              .filter((l) => l.table !== 't3' || l.col === 'total')
              .map((l) => (
                <tr key={`${t.table}|${l.row}|${l.col}`}>
                  <td>{l.rowLabel}</td>
                  <td>{l.colLabel}</td>
                  {l.values.map((v, i) => (
                    <td key={i} className={`num ${v.findings ? 'flag' : ''}`}>
                      {v.kind === 'blank' ? '空' : v.text}
                      {v.sum ? '（合计）' : ''}
                      {v.corrected ? '（正）' : ''}
                      {v.findings ? ' ※' : ''}
                    </td>
                  ))}
                  {two && <td className="num">{l.delta === null ? '' : l.delta > 0 ? `+${l.delta}` : l.delta}</td>}
                  {two && <td className="num">{l.pct === null ? '' : `${l.pct > 0 ? '+' : ''}${l.pct}%`}</td>}
                </tr>
              )),
          ])}
          <tr className="section">
            <td colSpan={cols}>指标</td>
          </tr>
          {c.indicators.map((i) => (
            <tr key={i.id}>
              <td>{i.label}</td>
              <td>{i.formula}</td>
              {i.values.map((v, k) => (
                <td key={k} className="num">
                  {formatRate(v)}
                </td>
              ))}
              {two && <td className="num">{formatPointChange(i.values[0], i.values[1])}</td>}
              {two && <td />}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="print-note">表三只列总计列；“—”表示该报告的格式没有此项，“空”表示报告中该格空白；“（正）”表示经人工更正的数值；※ 表示该格有检查问题。</p>
      {c.crossYear.length > 0 && (
        <section className="print-section">
          <h2>跨年度核对</h2>
          <PrintFindings findings={c.crossYear} />
        </section>
      )}
      {c.text && (
        <section className="print-section">
          <h2>正文重复率（本年正文中与上一份报告相同文字的比例）</h2>
          <p>
            全文：{c.text.similarity === null ? '—' : `${Math.round(c.text.similarity * 100)}%`}；
            {c.text.parts.map((p) => `${p.title} ${p.similarity === null ? '—' : `${Math.round(p.similarity * 100)}%`}`).join('；')}
          </p>
        </section>
      )}
    </div>
  );
}
