// The key figures of one row, a cell each in FIGURES order: the year summary, an agency's
// years and their printed sheets all show them so.
import { FIGURES, formatFigure } from '../../shared/compare/figures.ts';
import type { YearSummary } from '../../shared/contract/types.ts';

/** totals: a total row, where only counts add up (a sum of rates means nothing). */
export function FigureCells({ figures, totals = false }: { figures: Record<string, number | null>; totals?: boolean }) {
  return (
    <>
      {FIGURES.map((f) => (
        <td key={f.id} className="num">
          {totals && f.kind !== 'count' ? '' : formatFigure(f, figures[f.id])}
        </td>
      ))}
    </>
  );
}

/** 汇总's total rows: the units' reports, and apart from them the governments' own (they speak for their areas). */
export function SummaryTotals({ s, className }: { s: YearSummary; className: string }) {
  return (
    <>
      <tr className={className}>
        <td title="各部门、乡镇街道等单位报告之和，不含本级政府自己的报告">{s.ownTotals ? '各单位合计（不含本级政府报告）' : '合计'}</td>
        <td />
        <FigureCells figures={s.totals} totals />
      </tr>
      {s.ownTotals && (
        <tr className={className}>
          <td>本级政府报告</td>
          <td />
          <FigureCells figures={s.ownTotals} totals />
        </tr>
      )}
    </>
  );
}
