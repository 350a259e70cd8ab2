// The printed year summary (A4 landscape): every agency's key figures, the total row and the
// agencies missing; page numbers come from the PDF footer.
import { FIGURES } from '../../shared/compare/figures.ts';
import { FigureCells, SummaryTotals } from '../components/FigureCells.tsx';
import { summarySheetName } from '../../shared/print-page.ts';
import { api } from '../api.ts';
import { printDate, useSheetData } from '../components/print.tsx';
import { statusLabel } from '../format.ts';

export function PrintSummary({ year }: { year: number }) {
  const { data: s, error } = useSheetData(() => api.yearSummary({ year }), String(year));
  if (error) return <p className="error-text">{error}</p>;
  if (!s) return null;
  return (
    <div className="print-sheet">
      <h1>{summarySheetName(s.year)}</h1>
      <p className="print-sub">
        共 {s.rows.length} 个单位 · {printDate()}
      </p>
      <table className="print-table">
        <thead>
          <tr>
            <th>单位</th>
            <th>状态</th>
            {FIGURES.map((f) => (
              <th key={f.id}>{f.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...s.rows]
            .sort((a, b) => (a.agency ?? '').localeCompare(b.agency ?? '', 'zh-CN'))
            .map((r) => (
              <tr key={r.reportId}>
                <td>{r.agency ?? '（未识别单位）'}</td>
                <td>{statusLabel(r.status)}</td>
                <FigureCells figures={r.figures} />
              </tr>
            ))}
          <SummaryTotals s={s} className="section" />
        </tbody>
      </table>
      {s.missing.length > 0 && (
        <section className="print-section">
          <h2>缺报单位（{s.year - 1}年度有报告，{s.year}年度没有）</h2>
          <p>{s.missing.map((m) => m.agency).join('、')}</p>
        </section>
      )}
    </div>
  );
}
