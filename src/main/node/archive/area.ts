// The area's tables from the archive: the reports of a year under a government (by name: every
// agency whose name carries the region's, until a 单位目录 says better), summed, and the
// government's own report set against the sum of its units.
import type { AreaSummary } from '../../../shared/contract/types.ts';
import { sumAreaTables } from '../../../shared/area/sum.ts';
import type { Archive } from './archive.ts';

/** The government's own report among the region's: 某某县人民政府, 某某区管委会 and the like. */
const isOwn = (region: string, name: string | null) => !!name && ['', '人民政府', '管理委员会', '管委会', '政府'].some((s) => name === region + s);

export function areaSummary(archive: Archive, year: number, opts: { region?: string; own?: 'include' | 'exclude' } = {}): AreaSummary {
  const region = opts.region?.trim() || null;
  const reports = archive.listReports({ year, sort: 'agency' }).filter((r) => !region || (r.agency ?? '').includes(region) || (r.agencyGroup ?? '').includes(region));
  const ownReport = region ? (reports.find((r) => isOwn(region, r.agency) || isOwn(region, r.agencyGroup)) ?? null) : null;
  const include = opts.own === 'include';
  const unitsOf = (list: typeof reports) =>
    list.map((r) => ({ reportId: r.id, agency: r.agency ?? r.fileName, template: r.template, cells: archive.cellsOf(r.id) }));
  const members = reports.filter((r) => include || r.id !== ownReport?.id);
  const sum = sumAreaTables(unitsOf(members));
  const differences: AreaSummary['differences'] = [];
  if (ownReport) {
    // Against the units alone, whatever the user chose to show.
    const units = include ? sumAreaTables(unitsOf(reports.filter((r) => r.id !== ownReport.id))) : sum;
    const own = archive.cellsOf(ownReport.id);
    for (const c of units.cells) {
      const o = own.find((x) => x.table === c.table && x.row === c.row && x.col === c.col);
      const ov = o?.value.kind === 'number' ? o.value.num : null;
      if (ov === null && c.sum === null) continue;
      if (ov !== c.sum) differences.push({ table: c.table, row: c.row, col: c.col, own: ov, sum: c.sum });
    }
  }
  // 缺报: the directory's units under the government (its name, or the region's with 人民政府 and the like) with no report this year.
  const gov = ownReport?.agency ?? region;
  const reported = new Set(reports.map((r) => r.agency));
  const missing = region
    ? archive
        .directory()
        .filter((u) => u.required && u.parent && (u.parent === gov || isOwn(region, u.parent)) && ![u.name, ...u.aliases].some((n) => reported.has(n)))
        .map((u) => u.name)
    : [];
  const late = reports.filter((r) => archive.findingsOf(r.id).some((f) => f.rule === 'T1')).map((r) => ({ agency: r.agency ?? r.fileName, date: r.date }));
  return {
    year,
    region,
    missing,
    late,
    template: sum.template,
    units: members.map((r) => ({ reportId: r.id, agency: r.agency ?? r.fileName })),
    own: ownReport ? { reportId: ownReport.id, agency: ownReport.agency ?? ownReport.fileName, included: include } : null,
    cells: sum.cells,
    notes: sum.notes,
    differences,
  };
}
