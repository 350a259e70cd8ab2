// A report written straight into the archive, as search's tests and its bench need thousands of:
// a text file's record with the fields that vary given, the rest those of a plain parsed .txt.
import type { NewReport } from '../../src/main/node/archive/archive.ts';

export type GeneratedReport = Pick<NewReport, 'agency' | 'year' | 'template' | 'parts' | 'text' | 'cells' | 'sourcePath'> & Partial<NewReport>;

/** The `i`th generated report: its sha256 and file name come from `i`. */
export const generatedReport = (i: number, r: GeneratedReport): NewReport => ({
  sha256: i.toString(16).padStart(64, '0'),
  bytes: new Uint8Array(0),
  fileName: `${i}.txt`,
  format: 'txt',
  encoding: 'UTF-8',
  agencyNorm: r.agency,
  date: null,
  complete: true,
  status: 'ok',
  notes: [],
  evidence: [],
  findings: [],
  parserVersion: 1,
  ...r,
});
