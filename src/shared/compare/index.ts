// A comparison of 2 to 6 reports: aligned tables, indicators, text (two reports), and the
// cross-year checks between consecutive compared years of one agency.
import type { Finding, Part } from '../report/model.ts';
import { checkCrossYear } from '../report/checks/cross-year.ts';
import { PART_TITLES } from '../report/parse/parts.ts';
import { alignTables, type CompareReport, type CompareTable } from './align.ts';
import { computeIndicators, INDICATORS } from './indicators.ts';
import { diffPart, type Granularity, type PartDiff } from './text-diff.ts';

export * from './align.ts';
export * from './indicators.ts';
export * from './text-diff.ts';

export interface CompareInput extends CompareReport {
  fileName: string;
  agencyGroup: string | null;
  parts: Part[];
}

export interface Comparison {
  reports: { id: number; agency: string | null; year: number | null; template: CompareReport['template']; fileName: string }[];
  tables: CompareTable[];
  indicators: { id: string; label: string; formula: string; values: (number | null)[] }[];
  /** Two reports only: the earlier on the left, the later on the right. */
  text: { parts: PartDiff[]; similarity: number | null } | null;
  crossYear: (Finding & { reportId: number })[];
}

export function compareReports(input: CompareInput[], g: Granularity = 'word', timeLimitMs = 3000): Comparison {
  // Oldest first, so Δ is this year minus last year.
  const reports = [...input].sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.id - b.id);
  const tables = alignTables(reports);
  const ind = reports.map((r) => computeIndicators(r.cells));
  const indicators = INDICATORS.map((d) => ({ ...d, values: ind.map((x) => x[d.id]) }));

  let text: Comparison['text'] = null;
  if (reports.length === 2) {
    const [a, b] = reports;
    const deadline = Date.now() + timeLimitMs;
    const nos = [...new Set([...a.parts, ...b.parts].map((p) => p.no))].sort((x, y) => order(x) - order(y));
    const parts = nos.map((no) => {
      const left = a.parts.find((p) => p.no === no)?.text ?? '';
      const right = b.parts.find((p) => p.no === no)?.text ?? '';
      return diffPart(no, PART_TITLES[no], left, right, g, Math.max(50, deadline - Date.now()));
    });
    const weights = parts.map((p, i) => ({ p, n: (b.parts.find((x) => x.no === nos[i])?.text ?? '').replace(/[\s\p{P}\p{S}]/gu, '').length }));
    const total = weights.reduce((s, w) => s + w.n, 0);
    const similarity = weights.some((w) => w.p.similarity === null && w.n > 0) || total === 0 ? null : weights.reduce((s, w) => s + (w.p.similarity ?? 0) * w.n, 0) / total;
    text = { parts, similarity };
  }

  const crossYear: Comparison['crossYear'] = [];
  for (let i = 1; i < reports.length; i++) {
    const prev = reports[i - 1];
    const cur = reports[i];
    const sameBody = prev.agencyGroup && prev.agencyGroup === cur.agencyGroup;
    if (!sameBody || prev.year === null || cur.year === null) continue;
    for (const f of checkCrossYear({ year: prev.year, template: prev.template, cells: prev.cells }, { year: cur.year, template: cur.template, cells: cur.cells }))
      crossYear.push({ ...f, reportId: cur.id });
  }
  return { reports: reports.map(({ id, agency, year, template, fileName }) => ({ id, agency, year, template, fileName })), tables, indicators, text, crossYear };
}

/** 收费及减免 (7) sits between 三 and 四 in reports before 2019. */
function order(no: number): number {
  return no === 7 ? 3.5 : no;
}
