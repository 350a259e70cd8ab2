// The area's tables from the archive: the reports of a year under a government, summed, and the
// government's own report set against the sum of its units. The units are the 单位目录's: every
// unit whose 上级 is the government (confirmed by the office, or proposed from its name). Only
// when the directory has no unit under it (a province typed, a place no government of the
// archive governs) does the name decide: every agency whose name carries the region's.
import type { AreaSummary, DirectoryUnit, ReportDetail, ReportSummary } from '../../../shared/contract/types.ts';
import { differenceFindings } from '../../../shared/area/differences.ts';
import { sumAreaTables } from '../../../shared/area/sum.ts';
import { GOV, governed } from '../../../shared/area/directory.ts';
import { normalizeAgency } from '../../../shared/report/parse/normalize.ts';
import { placeCore } from '../../../shared/places/gazetteer.ts';
import type { Archive } from './archive.ts';

/**
 * 淮安市, 淮安市人民政府 and 淮安市政府 name one government; so do 洪泽区 and 淮安市洪泽区人民政府
 * (the office types the short name; one office's archive rarely holds two 洪泽区).
 */
const sameGov = (a: string, b: string) => {
  const area = (s: string) => governed(normalizeAgency(s)).replace(/政府$/, '');
  const [x, y] = [area(a), area(b)].sort((p, q) => p.length - q.length);
  return x.length >= 2 && y.endsWith(x);
};

/** The government's own report among the region's: 某某县人民政府, 某某区管委会 and the like. */
const isOwn = (region: string, name: string | null) => !!name && ['', '人民政府', '管理委员会', '管委会', '政府'].some((s) => name === region + s);

interface Selection {
  how: AreaSummary['selection'];
  reports: ReportSummary[];
  own: ReportSummary | null;
  /** The directory's units under the government, for 缺报. */
  children: DirectoryUnit[];
  variants: AreaSummary['variants'];
}

/** Every name a unit goes by, normalised: its own and its aliases. */
const namesOf = (u: DirectoryUnit) => [u.name, ...u.aliases].map(normalizeAgency);
const reportNames = (r: ReportSummary) => [r.agencyNormalized, r.agencyGroup].filter((n): n is string => !!n);

function select(archive: Archive, year: number, region: string | null): Selection {
  const all = archive.listReports({ year, sort: 'agency' });
  if (!region) return { how: 'all', reports: all, own: null, children: [], variants: [] };
  const directory = archive.directory();
  const children = directory.filter((u) => u.parent && sameGov(u.parent, region) && !sameGov(u.name, region));
  // Every name the government goes by (洪泽区人民政府 one year, 淮安市洪泽区人民政府 the next).
  const ownNames = new Set(directory.filter((u) => u.kind === '本级政府' && sameGov(u.name, region)).flatMap(namesOf));
  const isOwnReport = (r: ReportSummary) => reportNames(r).some((n) => ownNames.has(n)) || isOwn(region, r.agency) || isOwn(region, r.agencyGroup);
  if (children.length > 0) {
    const names = new Set(children.flatMap(namesOf));
    const reports = all.filter((r) => isOwnReport(r) || reportNames(r).some((n) => names.has(n)));
    // A unit whose report came under a name with more (or fewer) of its places, the same body
    // (淮安市洪泽区财政局 for 洪泽区财政局): reported under another name, not 缺报, and counted.
    const reported = new Set(reports.flatMap(reportNames));
    const variants: AreaSummary['variants'] = [];
    for (const u of children) {
      if (namesOf(u).some((n) => reported.has(n))) continue;
      const cores = new Set(namesOf(u).map(placeCore));
      const r = all.find((x) => !reports.includes(x) && reportNames(x).some((n) => cores.has(placeCore(n))));
      if (!r) continue;
      reports.push(r);
      variants.push({ unit: u.name, agency: r.agency ?? r.fileName, reportId: r.id });
    }
    return { how: 'directory', reports, own: reports.find(isOwnReport) ?? null, children, variants };
  }
  const reports = all.filter((r) => (r.agency ?? '').includes(region) || (r.agencyGroup ?? '').includes(region));
  return { how: 'name', reports, own: reports.find(isOwnReport) ?? null, children: [], variants: [] };
}

export function areaSummary(archive: Archive, year: number, opts: { region?: string; own?: 'include' | 'exclude' } = {}): AreaSummary {
  const region = opts.region?.trim() || null;
  const { how, reports, own: ownReport, children, variants } = select(archive, year, region);
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
  // 缺报: the directory's units under the government that must report and have none this year.
  const reported = new Set(reports.flatMap(reportNames));
  const missing = children.filter((u) => u.required && !namesOf(u).some((n) => reported.has(n)) && !variants.some((v) => v.unit === u.name)).map((u) => u.name);
  const late = reports.filter((r) => archive.findingsOf(r.id).some((f) => f.rule === 'T1')).map((r) => ({ agency: r.agency ?? r.fileName, date: r.date }));
  return {
    year,
    region,
    selection: how,
    missing,
    variants,
    late,
    template: sum.template,
    units: members.map((r) => ({ reportId: r.id, agency: r.agency ?? r.fileName })),
    own: ownReport ? { reportId: ownReport.id, agency: ownReport.agency ?? ownReport.fileName, included: include } : null,
    cells: sum.cells,
    notes: sum.notes,
    differences,
  };
}

/**
 * A government's own report with its A1 提醒: every cell where it differs from the sum of its
 * units' reports of the year (the 单位目录's units under it). Worked out when the report is
 * shown, not stored: the units' reports keep arriving through January to March.
 */
export function withAreaFindings(archive: Archive, d: ReportDetail): ReportDetail {
  if (!d.year || !d.agency || !GOV.test(d.agency)) return d;
  const a = areaSummary(archive, d.year, { region: d.agency });
  // Whenever the 区域汇总 of its area shows the differences (one computation for both).
  if (a.own?.reportId !== d.id || a.units.length === 0 || a.differences.length === 0) return d;
  return { ...d, findings: [...d.findings, ...differenceFindings(a)] };
}
