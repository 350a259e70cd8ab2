// The key figures of one row, a cell each in FIGURES order: the year summary, an agency's
// years and their printed sheets all show them so.
import { FIGURES, formatFigure } from '../../shared/compare/figures.ts';

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
