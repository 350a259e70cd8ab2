// A report that is not in the archive (a draft a unit sent for 报送前自查) against the archive's
// record report of the same unit's year before: the cross-year checks import runs (X1, X2, Y2),
// read only, nothing written.
// reports.ts first: it and agencies.ts import each other, and reports.ts reads agencies' GROUP
// as it loads, so agencies.ts must not be the one loaded first (as archive.ts loads them).
import { cellsOf } from './reports.ts';
import { groupOf, latestByYear, reportsOfGroup } from './agencies.ts';
import { partsOf } from './checks.ts';
import type { Cell, Finding, Part, TemplateId } from '../../../shared/report/model.ts';
import { checkCrossYear } from '../../../shared/report/checks/cross-year.ts';
import type { Archive } from './archive.ts';

export interface Draft {
  agencyNormalized: string | null;
  year: number | null;
  template: TemplateId;
  cells: Cell[];
  parts: Part[];
}

/** The unit's (by its merged names and the 单位目录's aliases) record report of the year before, and what the cross-year checks find against it. */
export function againstPreviousYear(a: Archive, d: Draft): { previous: { id: number; year: number; agency: string | null } | null; findings: Finding[] } {
  if (!d.agencyNormalized || !d.year) return { previous: null, findings: [] };
  const prev = latestByYear(reportsOfGroup(a, groupOf(a, d.agencyNormalized))).get(d.year - 1);
  if (!prev) return { previous: null, findings: [] };
  const findings = checkCrossYear({ ...prev, cells: cellsOf(a, prev.id), parts: partsOf(a, prev.id) }, { year: d.year, template: d.template, cells: d.cells, parts: d.parts });
  return { previous: { id: prev.id, year: prev.year, agency: prev.agency }, findings };
}
