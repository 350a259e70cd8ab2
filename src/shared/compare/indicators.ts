// The indicators reviewers use, from a report's cells. A zero denominator gives null ("—").
import type { Cell } from '../report/model.ts';
import { lookupOf } from '../report/checks/consistency.ts';

export interface IndicatorDef {
  id: string;
  label: string;
  formula: string;
}

export const INDICATORS: IndicatorDef[] = [
  { id: 'openRate', label: '公开率', formula: '（予以公开 + 部分公开）÷（七）总计' },
  { id: 'withheldRate', label: '不予公开率', formula: '（三）不予公开 ÷（七）总计' },
  { id: 'unableRate', label: '无法提供率', formula: '（四）无法提供 ÷（七）总计' },
  { id: 'notHandledRate', label: '不予处理率', formula: '（五）不予处理 ÷（七）总计' },
  { id: 'reviewCorrection', label: '行政复议纠错率', formula: '结果纠正 ÷（总计 − 尚未审结）' },
  { id: 'suitCorrection', label: '行政诉讼纠错率', formula: '结果纠正 ÷（总计 − 尚未审结），两类诉讼合计' },
];

export function computeIndicators(cells: Cell[]): Record<string, number | null> {
  const get = lookupOf(cells);
  const n = (t: 't3' | 't4', row: string, col: string): number | null => {
    const c = get(t, row, col);
    return c?.value.kind === 'number' ? c.value.num : null;
  };
  const sum = (t: 't3' | 't4', rows: string[], col: string): number | null => {
    const vals = rows.map((r) => n(t, r, col)).filter((v): v is number => v !== null);
    return vals.length ? vals.reduce((a, b) => a + b, 0) : null;
  };
  const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
  const total = n('t3', 'r7', 'total');
  const rows = (prefix: string) => Array.from({ length: 8 }, (_, i) => `${prefix}_${i + 1}`);
  const suit = (col: string) => sum('t4', ['suit_direct', 'suit_after'], col);
  const decided = (t: number | null, p: number | null) => (t === null || p === null ? null : t - p);
  return {
    openRate: ratio(sum('t3', ['r1', 'r2'], 'total'), total),
    withheldRate: ratio(sum('t3', rows('r3'), 'total'), total),
    unableRate: ratio(sum('t3', rows('r4'), 'total'), total),
    notHandledRate: ratio(sum('t3', rows('r5'), 'total'), total),
    reviewCorrection: ratio(n('t4', 'review', 'corrected'), decided(n('t4', 'review', 'total'), n('t4', 'review', 'pending'))),
    suitCorrection: ratio(suit('corrected'), decided(suit('total'), suit('pending'))),
  };
}

export function formatRate(v: number | null): string {
  return v === null ? '—' : `${(Math.round(v * 1000) / 10).toFixed(1)}%`;
}

/** A rate's change between two reports, with its sign: +43.1个百分点, -2.0个百分点, 持平. */
export function formatPointChange(from: number | null, to: number | null): string {
  if (from === null || to === null) return '';
  const d = Math.round((to - from) * 1000) / 10;
  return d === 0 ? '持平' : `${d > 0 ? '+' : ''}${d.toFixed(1)}个百分点`;
}
