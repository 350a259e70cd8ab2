// Key figures of a report for summaries and year series, as data: a label and how it is read
// from the cells. Missing cells give null ("—"), never 0.
import type { Cell } from '../report/model.ts';
import { lookupOf } from '../report/checks/consistency.ts';
import { computeIndicators, formatRate } from './indicators.ts';

export interface FigureDef {
  id: string;
  label: string;
  kind: 'count' | 'rate';
}

type Get = (t: 't2' | 't3' | 't4', row: string, col: string) => number | null;

const SUMS: Record<string, (get: Get) => number | null> = {
  applications: (g) => g('t3', 'new', 'total'),
  opened: (g) => g('t3', 'r1', 'total'),
  partly: (g) => g('t3', 'r2', 'total'),
  handled: (g) => g('t3', 'r7', 'total'),
  review: (g) => g('t4', 'review', 'total'),
  suits: (g) => add(g('t4', 'suit_direct', 'total'), g('t4', 'suit_after', 'total')),
  normative: (g) => g('t2', 'normative', 'made') ?? g('t2', 'normative', 'issued'),
};

export const FIGURES: FigureDef[] = [
  { id: 'applications', label: '本年新收申请', kind: 'count' },
  { id: 'opened', label: '予以公开', kind: 'count' },
  { id: 'partly', label: '部分公开', kind: 'count' },
  { id: 'handled', label: '办理总计', kind: 'count' },
  { id: 'review', label: '行政复议', kind: 'count' },
  { id: 'suits', label: '行政诉讼', kind: 'count' },
  { id: 'normative', label: '新制发规范性文件', kind: 'count' },
  { id: 'openRate', label: '公开率', kind: 'rate' },
  { id: 'reviewCorrection', label: '复议纠错率', kind: 'rate' },
];

/** A figure as shown and printed: rates in percent, a figure the report lacks as "—". */
export function formatFigure(f: Pick<FigureDef, 'kind'>, v: number | null): string {
  if (f.kind === 'rate') return formatRate(v);
  return v === null ? '—' : String(v);
}

/** The series charted on an agency's page. */
export const CHART_FIGURES = ['applications', 'opened', 'review', 'suits'];

function add(a: number | null, b: number | null): number | null {
  return a === null && b === null ? null : (a ?? 0) + (b ?? 0);
}

export function figuresOf(cells: Cell[]): Record<string, number | null> {
  const look = lookupOf(cells);
  const get: Get = (t, row, col) => {
    const c = look(t, row, col);
    return c?.value.kind === 'number' ? c.value.num : null;
  };
  const rates = computeIndicators(cells);
  return Object.fromEntries(FIGURES.map((f) => [f.id, f.kind === 'rate' ? rates[f.id] : SUMS[f.id](get)]));
}
