// The corpus of real reports (test/fixtures/real): its folders, the forms each holds, and how a
// parse compares with what was read by hand. Shared by test/unit/corpus.test.ts and bench/corpus.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cell, Finding, TemplateId } from '../../src/shared/report/model.ts';
import { normalizeAgency } from '../../src/shared/report/parse/normalize.ts';

export const CORPUS_DIR = new URL('../fixtures/real/', import.meta.url).pathname;

export interface CorpusExpected {
  source: { repo: string; path: string; commit: string | null };
  agency: string;
  agencyAlso?: string[];
  year: number;
  template: TemplateId;
  date: string | null;
  cells?: Record<string, number | string | null>;
  consistent: boolean;
  remarks?: string;
}

/** The forms the bench reports apart, by file name in a report's folder. */
export const FORMS: Record<string, string> = {
  'page.txt': 'flat',
  'tabs.txt': 'txt-sep',
  'report.docx': 'docx',
  'report.doc': 'doc',
  'layout.txt': 'pdf-text',
  'original.pdf': 'pdf',
  'original.docx': 'docx',
  'original.doc': 'doc',
  'original.html': 'html',
  'original.htm': 'html',
  'original.txt': 'txt',
  'page.html': 'html',
  'report.html': 'html',
  'report.mht': 'mht',
  'report.pdf': 'pdf',
  'report.md': 'md',
};

export interface CorpusReport {
  id: string;
  dir: string;
  expected: CorpusExpected;
  files: { name: string; form: string; path: string }[];
}

export function listCorpus(): CorpusReport[] {
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CORPUS_DIR, d.name, 'expected.json')))
    .map((d) => {
      const dir = join(CORPUS_DIR, d.name);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as CorpusExpected;
      const files = readdirSync(dir)
        .filter((f) => FORMS[f])
        .map((f) => ({ name: f, form: FORMS[f], path: join(dir, f) }));
      return { id: d.name, dir, expected, files };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

export interface Parsed {
  agency: string | null;
  year: number | null;
  template: TemplateId;
  cells: Cell[];
  findings: Finding[];
}

export interface CellOutcome {
  key: string;
  expected: number | string | null;
  actual: number | string | null | undefined;
  /** right; blank: nothing recorded where the report has a value; wrong: a value the report does not have. */
  verdict: 'right' | 'blank' | 'wrong';
  inferred: boolean;
}

export interface Outcome {
  agency: boolean;
  year: boolean;
  template: boolean;
  cells: CellOutcome[];
  /** Errors (R1–R4, V1) on a report whose tables are consistent as printed. */
  falseErrors: Finding[];
  inferred: number;
}

const cellKey = (c: Pick<Cell, 'table' | 'row' | 'col'>) => `${c.table}.${c.row}.${c.col}`;

function valueOf(c: Cell): number | string | null {
  if (c.value.kind === 'number') return c.value.num;
  if (c.value.kind === 'blank') return null;
  return c.value.raw;
}

export function agencyMatches(actual: string | null, e: CorpusExpected): boolean {
  if (!actual) return false;
  const a = normalizeAgency(actual);
  return [e.agency, ...(e.agencyAlso ?? [])].some((n) => normalizeAgency(n) === a);
}

export function evaluate(p: Parsed, e: CorpusExpected): Outcome {
  const byKey = new Map(p.cells.map((c) => [cellKey(c), c]));
  const cells: CellOutcome[] = Object.entries(e.cells ?? {}).map(([key, expected]) => {
    const c = byKey.get(key);
    const actual = c ? valueOf(c) : undefined;
    let verdict: CellOutcome['verdict'];
    if (actual === expected) verdict = 'right';
    else if (actual === undefined || (actual === null && expected !== null)) verdict = 'blank';
    else verdict = 'wrong';
    return { key, expected, actual, verdict, inferred: c?.how === 'inferred' };
  });
  return {
    agency: agencyMatches(p.agency, e),
    year: p.year === e.year,
    template: p.template === e.template,
    cells,
    falseErrors: e.consistent ? p.findings.filter((f) => f.severity === 'error' && /^(R[1-4]|V1)$/.test(f.rule)) : [],
    inferred: p.cells.filter((c) => c.how === 'inferred').length,
  };
}

/**
 * Every cell of a parse against the parse of the same report's clean copy (tabs.txt, whose
 * cells were read by hand): what the key cells alone cannot show, a value in any cell that the
 * report does not have.
 */
export function againstReference(cells: Cell[], reference: Cell[]): { compared: number; right: number; blank: number; wrong: string[] } {
  const ref = new Map(reference.map((c) => [cellKey(c), c]));
  let right = 0;
  let blank = 0;
  const wrong: string[] = [];
  const mine = new Map(cells.map((c) => [cellKey(c), c]));
  for (const [key, r] of ref) {
    const c = mine.get(key);
    if (!c || (c.value.kind === 'blank' && r.value.kind !== 'blank')) blank++;
    else if (valueOf(c) === valueOf(r)) right++;
    else wrong.push(`${key} ${valueOf(c)}（应为 ${valueOf(r)}）`);
  }
  // A cell the clean copy does not have at all is invented too.
  for (const [key, c] of mine) if (!ref.has(key) && c.value.kind === 'number') wrong.push(`${key} ${valueOf(c)}（原表无此格）`);
  return { compared: ref.size, right, blank, wrong };
}
