// 态势 of a year for a leader's page: what arrived by kind of unit (received, 缺报, 迟报, with
// errors), each unit's indicators against the office's thresholds, the area over the years, and
// what became of the 审核意见 sent (整改跟踪).
import type { Overview } from '../../../shared/contract/types.ts';
import { computeIndicators } from '../../../shared/compare/indicators.ts';
import { areaCells } from '../../../shared/area/sum.ts';
import { OVERVIEW_RATES } from '../../../shared/area/ranking.ts';
import { proposeUnit, UNIT_KINDS } from '../../../shared/area/directory.ts';
import type { Archive } from './archive.ts';
import { areaSummary } from './area.ts';
import { rectificationCounts } from './notices.ts';

export function overview(archive: Archive, year: number, region?: string): Overview {
  const a = areaSummary(archive, year, { region, own: 'include' });
  const directory = archive.directory();
  const kindOf = (name: string) => directory.find((u) => u.name === name || u.aliases.includes(name))?.kind ?? proposeUnit(name, []).kind;
  const thresholds = archive.settings().thresholds;
  const reports = new Map(archive.listReports({ year }).map((r) => [r.id, r]));
  const late = new Set(a.late.map((l) => l.agency));
  const units = a.units.map((u) => {
    const indicators = computeIndicators(archive.cellsOf(u.reportId));
    const flagged = Object.entries(thresholds)
      .filter(([id, limit]) => (indicators[id] ?? -1) > limit)
      .map(([id]) => id);
    return { reportId: u.reportId, agency: u.agency, kind: kindOf(u.agency), status: reports.get(u.reportId)!.status, indicators: Object.fromEntries(OVERVIEW_RATES.map((r) => [r, indicators[r]])), flagged };
  });
  const kinds = [...UNIT_KINDS];
  const byKind = kinds
    .map((kind) => {
      const got = units.filter((u) => u.kind === kind);
      const missing = a.missing.filter((m) => kindOf(m) === kind).length;
      return { kind, expected: got.length + missing, received: got.length, missing, late: got.filter((u) => late.has(u.agency)).length, errors: got.filter((u) => u.status === 'error').length };
    })
    .filter((k) => k.expected > 0);
  // The area over the years: the same units' selection, each year summed.
  const series = archive
    .years()
    .sort((x, y) => x - y)
    .map((y) => {
      const s = y === year ? a : areaSummary(archive, y, { region, own: 'include' }); // this year's is summed already
      const summed = computeIndicators(areaCells(s));
      const apps = s.cells.find((c) => c.table === 't3' && c.row === 'new' && c.col === 'total')?.sum ?? null;
      return { year: y, reports: s.units.length, applications: apps, openRate: summed.openRate, reviewCorrection: summed.reviewCorrection };
    })
    .filter((x) => x.reports > 0);
  // 整改跟踪 of the units shown (all of the year's when no region is chosen).
  const shown = new Set(a.units.map((u) => u.reportId));
  const rectification = rectificationCounts(archive, year, region ? (r) => shown.has(r.revised?.id ?? r.reportId) || shown.has(r.reportId) : undefined);
  return { year, region: a.region, byKind, units, thresholds, series, rectification };
}
