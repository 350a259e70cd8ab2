// The PDF corpus (test/fixtures/pdf): PDFs made the ways offices make them, each with what it
// should read as. A derived PDF's expected file names its source report in the corpus of real
// reports (test/fixtures/real) and lists only what differs (cut cells expected blank); a published
// PDF's expected file is complete, in the real corpus's format. Shared by test/unit/pdf-corpus.test.ts
// and bench/pdf.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processFile, type Processed } from '../../src/main/node/import/process-file.ts';
import type { Cell, ParsedReport } from '../../src/shared/report/model.ts';
import { CORPUS_DIR, evaluate, type CorpusExpected } from './corpus.ts';

export const PDF_CORPUS_DIR = new URL('../fixtures/pdf/', import.meta.url).pathname;

/** The producers, in the order the bench prints them. */
export const PRODUCERS = ['lo-portrait', 'lo-landscape', 'lo-narrow', 'lo-wide', 'lo-clipped', 'lo-pagebreak', 'chromium', 'published'] as const;
export type Producer = (typeof PRODUCERS)[number];

interface DerivedFile {
  from: string;
  producer: Producer;
  how: string;
  /** Cells whose digits are not all visible: box partly or wholly off the page, or text clipped by a fixed row height. */
  cut?: Record<string, 'partly' | 'wholly' | 'clipped'>;
  cells?: Record<string, number | string | null>;
  /** The source's file whose cells are the reference for every cell (default report.docx; page.html for a printed portal page). */
  reference?: string;
}

export interface PdfCase {
  /** "producer/name" */
  id: string;
  producer: Producer;
  path: string;
  expected: CorpusExpected;
  /** Cells off the page edge or clipped by the cell: blank is right, any value is wrong. */
  cut: Set<string>;
  /** For a derived PDF, its source's file (Word file, or the portal's page it printed): every cell of it, the reference for all cells (not only the key ones). */
  reference?: string;
}

export function listPdfCorpus(): PdfCase[] {
  const out: PdfCase[] = [];
  for (const producer of PRODUCERS) {
    const dir = join(PDF_CORPUS_DIR, producer);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.pdf')).sort()) {
      const name = f.slice(0, -4);
      const json = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as DerivedFile | CorpusExpected;
      const path = join(dir, f);
      if ('from' in json) {
        const src = JSON.parse(readFileSync(join(CORPUS_DIR, json.from, 'expected.json'), 'utf8')) as CorpusExpected;
        const ref = join(CORPUS_DIR, json.from, json.reference ?? 'report.docx');
        out.push({
          id: `${producer}/${name}`,
          producer,
          path,
          expected: { ...src, cells: { ...src.cells, ...json.cells } },
          cut: new Set(Object.keys(json.cut ?? {})),
          reference: existsSync(ref) ? ref : undefined,
        });
      } else out.push({ id: `${producer}/${name}`, producer, path, expected: json, cut: new Set() });
    }
  }
  return out;
}

const key = (c: Pick<Cell, 'table' | 'row' | 'col'>) => `${c.table}.${c.row}.${c.col}`;
const valueOf = (c: Cell) => (c.value.kind === 'number' ? c.value.num : c.value.kind === 'blank' ? null : c.value.raw);

/**
 * Every cell of a PDF's parse against its source's Word file: a value the source does not have
 * (or has elsewhere) is wrong; in a cell off the page edge any value is wrong, since its digits
 * are not all on the page.
 */
export function againstSource(cells: Cell[], reference: Cell[], cut: Set<string>): { compared: number; right: number; blank: number; wrong: string[] } {
  const ref = new Map(reference.map((c) => [key(c), c]));
  const mine = new Map(cells.map((c) => [key(c), c]));
  let right = 0;
  let blank = 0;
  let compared = 0;
  const wrong: string[] = [];
  for (const [k, r] of ref) {
    const c = mine.get(k);
    if (cut.has(k)) {
      if (c && c.value.kind !== 'blank') wrong.push(`${k} ${valueOf(c)}（数字不完整，应为空白；原值 ${valueOf(r)}）`);
      continue;
    }
    compared++;
    if (!c || (c.value.kind === 'blank' && r.value.kind !== 'blank')) blank++;
    else if (valueOf(c) === valueOf(r)) right++;
    else wrong.push(`${k} ${valueOf(c)}（应为 ${valueOf(r)}）`);
  }
  for (const [k, c] of mine) if (!ref.has(k) && c.value.kind === 'number') wrong.push(`${k} ${valueOf(c)}（原表无此格）`);
  return { compared, right, blank, wrong };
}

export interface PdfOutcome {
  read: boolean;
  message?: string;
  agency: string | null;
  year: number | null;
  template: string;
  meta: boolean;
  key: { right: number; blank: number; wrong: number; total: number };
  /** Every wrong value, key cells and (for derived PDFs) every cell against the source, as "key: got（应为 want）". */
  wrong: string[];
  /** Derived PDFs: every cell of the source's Word file (cut cells aside), right / blank / compared. */
  all?: { compared: number; right: number; blank: number };
  /** 错误 findings (severity error) on a report whose tables are consistent as printed: errors of the reading. */
  readingErrors: string[];
  /** Seconds the reader and parser took. */
  secs: number;
}

/** Reads one PDF of the corpus as the importer does and judges it; the source's Word file is read once per process. */
export async function judgePdf(c: PdfCase): Promise<PdfOutcome> {
  const t0 = performance.now();
  const res = await processFile(readFileSync(c.path), '.pdf', { fileName: c.path.slice(c.path.lastIndexOf('/') + 1) });
  const secs = (performance.now() - t0) / 1000;
  if (!res.ok) return { read: false, message: res.message, agency: null, year: null, template: 'unknown', meta: false, key: { right: 0, blank: 0, wrong: 0, total: Object.keys(c.expected.cells ?? {}).length }, wrong: [], readingErrors: [], secs };
  return judgeRead(res, c.expected, c.reference ? await referenceCells(c.reference) : undefined, c.cut, secs);
}

/** A read file against what it must read as: key cells, and every cell against its source's (`reference`), cells in `cut` expected blank. */
export function judgeRead(res: Extract<Processed, { ok: true }>, expected: CorpusExpected, reference: Cell[] | undefined, cut: Set<string>, secs: number): PdfOutcome {
  const o = evaluate({ ...res.report, findings: res.findings }, expected);
  const wrong = new Set<string>();
  for (const x of o.cells) if (x.verdict === 'wrong') wrong.add(`${x.key}: ${x.actual}（应为 ${x.expected === null ? '空白' : x.expected}）`);
  let all: PdfOutcome['all'];
  if (reference) {
    const a = againstSource(res.report.cells, reference, cut);
    all = { compared: a.compared, right: a.right, blank: a.blank };
    for (const w of a.wrong) {
      const k = w.slice(0, w.indexOf(' '));
      // A key cell already listed is not listed twice.
      if (![...wrong].some((x) => x.startsWith(`${k}:`))) wrong.add(`${k}: ${w.slice(k.length + 1)}`);
    }
  }
  const count = (v: string) => o.cells.filter((x) => x.verdict === v).length;
  return {
    read: true,
    agency: res.report.agency,
    year: res.report.year,
    template: res.report.template,
    meta: o.agency && o.year && o.template,
    key: { right: count('right'), blank: count('blank'), wrong: count('wrong'), total: o.cells.length },
    wrong: [...wrong],
    all,
    secs,
    readingErrors: expected.consistent ? res.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.message}`) : [],
  };
}

const refs = new Map<string, Promise<ParsedReport>>();
/** A source file's parse (its Word file, or the portal page a print was made of), read once per process. */
export function referenceReport(path: string): Promise<ParsedReport> {
  let p = refs.get(path);
  if (!p) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    p = processFile(readFileSync(path), name.slice(name.lastIndexOf('.')), { fileName: name }).then((r) => {
      if (!r.ok) throw new Error(`${path}: ${r.message}`);
      return r.report;
    });
    refs.set(path, p);
  }
  return p;
}

const referenceCells = async (path: string): Promise<Cell[]> => (await referenceReport(path)).cells;
