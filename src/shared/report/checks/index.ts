// All checks of one report. Cross-year checks (X1, X2) need the previous year's report and
// run where the archive is (see cross-year.ts).
import type { Finding, ParseNote, ParsedReport } from '../model.ts';
import { checkCompleteness } from './completeness.ts';
import { checkConsistency } from './consistency.ts';
import { checkNarrative } from './narrative.ts';
import { checkTimeliness } from './timeliness.ts';
import { checkValues } from './values.ts';
import { checkReview } from './review.ts';
import { judgeReadings } from './reading.ts';

export type Checkable = Pick<ParsedReport, 'template' | 'cells' | 'parts' | 'year' | 'date' | 'agency'> & { notes?: ParseNote[]; text?: string };

export function checkReport(r: Checkable): Finding[] {
  const tables = [...checkConsistency(r.template, r.cells), ...checkValues(r.template, r.cells), ...checkNarrative(r)];
  return [
    // A failed rule over cells we placed ourselves says whose it is (the document's, or our reading's).
    ...judgeReadings(r, tables),
    ...checkTimeliness(r),
    ...checkCompleteness(r),
    ...checkEvidence(r.notes ?? []),
  ];
}

/** Every check a stored report gets: the tables and completeness (checkReport), then the
 *  reviewer's reading of the text (年报体检, review.ts), which has its own tests. */
export function allChecks(r: Checkable): Finding[] {
  return [...checkReport(r), ...checkReview(r)];
}

/** M1: where the file name or another part of the document names another agency or year than the one recorded. */
function checkEvidence(notes: ParseNote[]): Finding[] {
  return notes.filter((n) => n.code === 'meta-disagree').map((n) => ({ rule: 'M1', severity: 'warning' as const, message: n.message, cells: [] }));
}

export { checkConsistency, checkValues, checkNarrative, checkTimeliness, checkCompleteness };
