// All checks of one report. Cross-year checks need the archive and live with the comparison.
import type { Finding, ParsedReport } from '../model.ts';
import { checkConsistency } from './consistency.ts';
import { checkValues } from './values.ts';

export function checkReport(r: Pick<ParsedReport, 'template' | 'cells'>): Finding[] {
  return [...checkConsistency(r.template, r.cells), ...checkValues(r.template, r.cells)];
}

export { checkConsistency, checkValues };
