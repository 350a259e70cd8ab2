// Printed sheets for an agency's years and for one report (its tables in the official layout
// and its findings, for the office's review file). Each marks itself ready for printToPDF.
import { PrintFindings, printDate, useSheetData } from '../components/print.tsx';
import { FIGURES } from '../../shared/compare/figures.ts';
import { FigureCells } from '../components/FigureCells.tsx';
import { api } from '../api.ts';
import { ReportTables } from '../components/ReportTables.tsx';
import { formatSignDate, statusLabel, templateLabel } from '../format.ts';
import { Chart } from './AgencySeriesView.tsx';
import { describeTarget as describeCorrection, shownValue } from '../components/correction-text.ts';
import { OriginalCrops } from '../components/OriginalCrops.tsx';
import { findingKey } from '../../shared/report/revision.ts';

export function PrintSeries({ agency }: { agency: string }) {
  const { data: s, error } = useSheetData(() => api.agencySeries({ agency }), agency);
  if (error) return <p className="error-text">{error}</p>;
  if (!s) return null;
  return (
    <div className="print-sheet">
      <h1>{s.group}政府信息公开工作年度报告历年情况</h1>
      <p className="print-sub">
        {s.rows.length ? `${s.rows[0].year}–${s.rows[s.rows.length - 1].year}年度` : ''}
        {s.names.length > 1 ? ` · 含名称：${s.names.join('、')}` : ''} · {printDate()}
      </p>
      <table className="print-table">
        <thead>
          <tr>
            <th>年度</th>
            {FIGURES.map((f) => (
              <th key={f.id}>{f.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {s.rows.map((r) => (
            <tr key={r.reportId}>
              <td>{r.year}年度</td>
              <FigureCells figures={r.figures} />
            </tr>
          ))}
        </tbody>
      </table>
      {s.rows.length > 1 && <Chart s={s} />}
    </div>
  );
}

/** The findings printed with their original's crop: those the clerk ticked, or by default the 识别存疑 ones. */
export const defaultCrops = (findings: { fault?: string }[]) => findings.flatMap((f, i) => (f.fault === 'reading' ? [i] : []));

/** `crops`: the findings (by index) printed with the crop of their original; null: the 识别存疑 ones. */
export function PrintReport({ id, crops }: { id: number; crops: number[] | null }) {
  // A report removed since the sheet was asked for answers null: say so rather than print nothing.
  const { data: r, error } = useSheetData(() => api.getReport({ id }).then((r) => r ?? Promise.reject(new Error(`档案中没有报告 #${id}`))), String(id));
  if (error) return <p className="error-text">{error}</p>;
  if (!r) return null;
  const marked = new Map<string, 'error' | 'warning'>();
  for (const f of r.findings) for (const c of f.cells) if (marked.get(`${c.table}|${c.row}|${c.col}`) !== 'error') marked.set(`${c.table}|${c.row}|${c.col}`, f.severity);
  return (
    <div className="print-sheet portrait">
      <h1>
        {r.agency ?? '（未识别单位）'}
        {r.year ? `${r.year}年度` : ''}政府信息公开工作年度报告核对表
      </h1>
      <p className="print-sub">
        {templateLabel(r.template)} · 落款日期：{formatSignDate(r.date)} · 检查结果：{statusLabel(r.status)} · 源文件：{r.fileName} · {printDate()}
      </p>
      <section className="print-section">
        <h2>检查结果</h2>
        {r.findings.length === 0 ? (
          <p>未发现问题。</p>
        ) : (
          <PrintFindings
            findings={r.findings}
            after={(i) => (crops ?? defaultCrops(r.findings)).includes(i) && <OriginalCrops id={r.id} cells={r.cells} finding={r.findings[i]} pickKey={findingKey(r.findings[i])} />}
          />
        )}
      </section>
      <ReportTables template={r.template} cells={r.cells} marked={marked} focused={new Set()} />
      {(r.cells.some((c) => c.original) || r.cells.some((c) => c.how === 'inferred')) && (
        <p className="print-note">
          {r.cells.some((c) => c.original) && '右上角带三角标记的数值经人工更正（见下方更正记录）。'}
          {r.cells.some((c) => c.how === 'inferred') && '带虚线的数值是推断的：原文表格的分隔丢失，按勾稽关系拆分得出。'}
          红底为有错误的格子，黄底为有提醒的格子。
        </p>
      )}
      {r.corrections.length > 0 && (
        <section className="print-section">
          <h2>人工更正记录</h2>
          <ol className="print-findings">
            {r.corrections.map((c) => (
              <li key={c.target}>
                {describeCorrection(r.template, c.target)}：{shownValue(c.original)} → {shownValue(c.value)}（{c.by}，{c.at.slice(0, 10)}）
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
