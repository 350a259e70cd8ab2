// The national corpus (test/fixtures/national/<province>/<slug>/): excerpts of portal pages of
// reports from many provinces, each with what a careful reader finds in it. Judged with the same
// evaluate() as the corpus of real reports, with a blank told apart from a wrong value: a blank
// agency or year is a miss, another one is an error. Shared by test/unit/national-corpus.test.ts
// and bench/corpus.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TemplateId } from '../../src/shared/report/model.ts';
import { evaluate, FORMS, type CellOutcome, type Parsed } from './corpus.ts';

export const NATIONAL_DIR = new URL('../fixtures/national/', import.meta.url).pathname;

export type Level = 'province' | 'city' | 'county' | 'town';
export const LEVELS: Level[] = ['province', 'city', 'county', 'town'];

export interface NationalExpected {
  source: { url?: string; where?: string; repo?: string; path?: string; commit?: string | null };
  province: string;
  level: Level;
  /** null: the text does not name the reporting body at all. */
  agency: string | null;
  agencyAlso?: string[];
  agencyHow: string;
  year: number | null;
  yearHow: string;
  template: TemplateId;
  templateHow: string;
  date: string | null;
  partial: boolean;
  cells?: Record<string, number | string | null>;
  remarks?: string;
}

export interface NationalReport {
  /** "<province>/<slug>" */
  id: string;
  dir: string;
  expected: NationalExpected;
  files: { name: string; form: string; path: string }[];
}

export function listNational(root = NATIONAL_DIR): NationalReport[] {
  const out: NationalReport[] = [];
  for (const p of readdirSync(root, { withFileTypes: true })) {
    if (!p.isDirectory()) continue;
    for (const r of readdirSync(join(root, p.name), { withFileTypes: true })) {
      const dir = join(root, p.name, r.name);
      if (!r.isDirectory() || !existsSync(join(dir, 'expected.json'))) continue;
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as NationalExpected;
      const files = readdirSync(dir)
        .filter((f) => FORMS[f])
        .map((f) => ({ name: f, form: FORMS[f], path: join(dir, f) }));
      out.push({ id: `${p.name}/${r.name}`, dir, expected, files });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** right; blank: nothing found (or 'unknown'); wrong: a value the text does not give. */
export type Verdict = 'right' | 'blank' | 'wrong';

export interface NationalOutcome {
  agency: Verdict;
  year: Verdict;
  template: Verdict;
  cells: CellOutcome[];
}

export function judge(p: Parsed, e: NationalExpected): NationalOutcome {
  // evaluate() compares names and cells; a report with no name or year expected is judged here.
  const o = evaluate(p, { ...e, agency: e.agency ?? '', year: e.year ?? 0, consistent: false, source: { repo: '', path: '', commit: null } });
  // Where the text names no body, a name listed as equally right (the 办公厅 that compiled it) is not invented.
  const also = e.agency === null && p.agency !== null && evaluate(p, { ...e, agency: e.agencyAlso?.[0] ?? '', year: 0, consistent: false, source: { repo: '', path: '', commit: null } }).agency;
  const agency: Verdict = e.agency === null ? (p.agency && !also ? 'wrong' : 'right') : o.agency ? 'right' : p.agency ? 'wrong' : 'blank';
  const year: Verdict = p.year === e.year ? 'right' : p.year === null ? 'blank' : 'wrong';
  const template: Verdict = o.template ? 'right' : p.template === 'unknown' ? 'blank' : 'wrong';
  return { agency, year, template, cells: o.cells };
}

export interface Tally {
  reports: number;
  agency: Record<Verdict, number>;
  year: Record<Verdict, number>;
  template: Record<Verdict, number>;
  cells: Record<Verdict, number>;
}

export const emptyTally = (): Tally => ({
  reports: 0,
  agency: { right: 0, blank: 0, wrong: 0 },
  year: { right: 0, blank: 0, wrong: 0 },
  template: { right: 0, blank: 0, wrong: 0 },
  cells: { right: 0, blank: 0, wrong: 0 },
});

export function count(t: Tally, o: NationalOutcome): void {
  t.reports++;
  t.agency[o.agency]++;
  t.year[o.year]++;
  t.template[o.template]++;
  for (const c of o.cells) t.cells[c.verdict]++;
}
