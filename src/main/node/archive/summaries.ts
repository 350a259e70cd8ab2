// What the summary and comparison pages read: a year's key figures per agency, reports to compare.
import type { Archive } from './archive.ts';
import type { SummaryRow, YearSummary, ReportStatus } from '../../../shared/contract/types.ts';
import type { CompareInput } from '../../../shared/compare/index.ts';
import { figuresOf, FIGURES } from '../../../shared/compare/figures.ts';
import { GROUP } from './agencies.ts';
import { GOV } from '../../../shared/area/directory.ts';
import { placeCore } from '../../../shared/places/gazetteer.ts';
import { cellsOf, getReport } from './reports.ts';

export function yearSummary(a: Archive, year: number): YearSummary {
  const rows = a.stmt(`SELECT r.id, r.agency, r.year, r.status, ${GROUP} AS grp FROM reports r WHERE r.year = ? AND r.is_record = 1 ORDER BY grp, r.id`).all(year) as {
    id: number; agency: string | null; year: number; status: ReportStatus; grp: string | null;
  }[];
  // One row per agency group: the latest imported report of the year.
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.grp ?? `#${r.id}`, r);
  const out: SummaryRow[] = [...latest.values()].map((r) => ({ reportId: r.id, agency: r.agency, group: r.grp, year: r.year, status: r.status, figures: figuresOf(cellsOf(a, r.id)) }));
  const isOwn = (r: SummaryRow) => !!r.agency && GOV.test(r.agency);
  const sum = (list: SummaryRow[]) => {
    const totals: Record<string, number | null> = {};
    for (const f of FIGURES) {
      if (f.kind !== 'count') continue;
      const vals = list.map((r) => r.figures[f.id]).filter((v): v is number => v !== null);
      totals[f.id] = vals.length ? vals.reduce((a, b) => a + b, 0) : null;
    }
    return totals;
  };
  const totals = sum(out.filter((r) => !isOwn(r)));
  const ownTotals = out.some(isOwn) ? sum(out.filter(isOwn)) : null;
  const prev = a.stmt(`SELECT r.id, r.agency, ${GROUP} AS grp FROM reports r WHERE r.year = ? AND r.is_record = 1 ORDER BY r.id`).all(year - 1) as { id: number; agency: string | null; grp: string | null }[];
  const missing = new Map<string, { agency: string; lastReportId: number }>();
  // A unit that reported this year under a name with more or fewer of its places is not missing.
  const cores = new Set([...latest.keys()].map(placeCore));
  for (const p of prev) if (p.grp && !latest.has(p.grp) && !cores.has(placeCore(p.grp))) missing.set(p.grp, { agency: p.agency ?? p.grp, lastReportId: p.id });
  return { year, rows: out, totals, ownTotals, missing: [...missing.values()] };
}

/** The reports to compare, in the order given; a number not in the archive is said so. */
export function compareInputs(a: Archive, ids: number[]): CompareInput[] {
  return ids.map((id) => {
    const r = compareInput(a, id);
    if (!r) throw new Error(`档案中没有报告 #${id}`);
    return r;
  });
}

/** What the comparison needs of a report. */
export function compareInput(a: Archive, id: number): CompareInput | null {
  const d = getReport(a, id);
  if (!d) return null;
  return { id, agency: d.agency, agencyGroup: d.agencyGroup, year: d.year, template: d.template, cells: d.cells, findings: d.findings, parts: d.parts, fileName: d.fileName };
}
