// Filters checked inside the walk, on an archive of 60 generated reports with a small budget
// (the archive's matchBudget, as the 100,000-report bench has MATCH_BUDGET): filters alone count
// exactly up to the budget and say 超过 past it; text and filters walk the newest matches of the
// text only, go on to older ones for a condition rarer than a page, and page through every
// report that passes once. Expected lists come from the reports as generated, not from search.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../src/main/node/archive/archive.ts';
import { MATCH_BUDGET } from '../../src/main/node/archive/search.ts';
import type { SearchQuery } from '../../src/shared/contract/types.ts';
import type { Cell } from '../../src/shared/report/model.ts';
import { totalText } from '../../src/shared/search/total.ts';
import { generatedReport } from '../helpers/generated-report.ts';

const N = 60;
let dir: string;
let archive: Archive;
/** Report i (0 = imported first): its id, year and agency, as the listing orders them. */
const made: { i: number; id: number; year: number; agency: string }[] = [];
const num = (n: number) => ({ kind: 'number' as const, num: n, raw: String(n) });
/** 行政复议 结果纠正: above 0 in every fourth report (15 of 60). */
const corrected = (i: number) => (i % 4 === 0 ? 1 + (i % 7) : 0);
/** 本年新收 总计: i itself, so `<= 2` holds for the three oldest only (0 among them: a zero, read from cell_zeros). */
const newTotal = (i: number) => i;
/** 保密审查 in every third report's text. */
const hasTerm = (i: number) => i % 3 === 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-filter-walk-'));
  archive = new Archive(join(dir, 'a.sqlite'));
  for (let i = 0; i < N; i++) {
    const year = 2019 + (i % 6);
    const agency = `第${i}区教育局`;
    const text = `${agency}${year}年政府信息公开工作年度报告\n一、总体情况\n本年度推进政府信息公开工作。${hasTerm(i) ? '严格落实保密审查制度。' : ''}`;
    const cells: Cell[] = [
      { table: 't4', row: 'review', col: 'corrected', value: num(corrected(i)), source: 'test' },
      { table: 't3', row: 'new', col: 'total', value: num(newTotal(i)), source: 'test' },
    ];
    const id = archive.insertReport(generatedReport(i, { sourcePath: join(dir, `${i}.txt`), agency, year, template: 'T2021', parts: [{ no: 1, heading: '一、总体情况', text }], text, cells }));
    made.push({ i, id, year, agency });
  }
  expect(archive.count()).toBe(N);
});
afterAll(() => {
  archive?.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => (archive.matchBudget = MATCH_BUDGET));

/** The listing's order (newest year, then agency, then newest import) of the reports passing `keep`. */
const listed = (keep: (i: number) => boolean) =>
  made
    .filter((m) => keep(m.i))
    .sort((a, b) => b.year - a.year || (a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : 0) || b.id - a.id)
    .map((m) => m.id);
const idsOf = (keep: (i: number) => boolean) => made.filter((m) => keep(m.i)).map((m) => m.id);
/** Every page of a query, `size` at a time, until a page comes back empty. */
const allPages = (q: SearchQuery, size: number) => {
  const out: number[] = [];
  for (let offset = 0; ; offset += size) {
    const hits = archive.search({ ...q, offset, limit: size }).hits.map((h) => h.reportId);
    if (!hits.length) return out;
    out.push(...hits);
  }
};
const CORRECTED: SearchQuery = { indicators: [{ table: 't4', row: 'review', col: 'corrected', op: '>', value: 0 }] };
const FEW_NEW: SearchQuery = { indicators: [{ table: 't3', row: 'new', col: 'total', op: '<=', value: 2 }] };

describe('filters checked inside the walk', () => {
  it('lists a condition rarer than a page, counted exactly', () => {
    archive.matchBudget = 10;
    const r = archive.search(FEW_NEW);
    expect(r.hits.map((h) => h.reportId)).toEqual(listed((i) => newTotal(i) <= 2));
    expect(r).toMatchObject({ total: 3, approximate: false, lowerBound: false });
  });

  it('counts filters alone exactly up to the budget, and past it says 超过 the budget, listing every report still', () => {
    const all = listed((i) => corrected(i) > 0);
    expect(all.length).toBe(15);
    archive.matchBudget = 15;
    expect(archive.search(CORRECTED)).toMatchObject({ total: 15, approximate: false, lowerBound: false });
    archive.matchBudget = 14;
    const r = archive.search(CORRECTED);
    expect(r).toMatchObject({ total: 14, approximate: true, lowerBound: true });
    expect(totalText(r)).toBe('超过 14');
    expect(r.hits.map((h) => h.reportId)).toEqual(all);
    // Pages across the budget, as an export reads them: every report once, in the listing's order.
    archive.matchBudget = 5;
    expect(allPages(CORRECTED, 4)).toEqual(all);
  });

  it('text and filters: exact while the text’s matches fit the budget; a rare condition past it found by walking on, still exact', () => {
    const q: SearchQuery = { text: '保密审查', ...CORRECTED };
    const expected = idsOf((i) => hasTerm(i) && corrected(i) > 0);
    expect(expected.length).toBe(5);
    // 20 reports hold the term: a budget of 20 walks them all.
    archive.matchBudget = 20;
    const whole = archive.search(q);
    expect(whole).toMatchObject({ total: 5, approximate: false });
    expect(new Set(whole.hits.map((h) => h.reportId))).toEqual(new Set(expected));
    // A budget of 19 stops the walk before the oldest match, which passes: the walk goes on for a
    // page's worth, reaches the end, and the count stays exact; the ranking is the same.
    archive.matchBudget = 19;
    const r = archive.search(q);
    expect(r).toMatchObject({ total: 5, approximate: false });
    expect(r.hits.map((h) => h.reportId)).toEqual(whole.hits.map((h) => h.reportId));
  });

  it('text and filters past the budget: an estimate (约), and every report that passes paged through once', () => {
    // 信息公开 is in all 60 reports; 15 pass the condition.
    const q: SearchQuery = { text: '信息公开', ...CORRECTED };
    const expected = idsOf((i) => corrected(i) > 0);
    archive.matchBudget = 10;
    const r = archive.search({ ...q, limit: 3 });
    expect(r.approximate).toBe(true);
    expect(r.lowerBound).toBe(false);
    expect(totalText(r)).toMatch(/^约 \d+$/);
    // The newest 10 matches hold 2 that pass; the walk went on for a page's worth (10) and one more,
    // and the share of records walked gives the estimate: 11 of the 44 newest records, of 60.
    expect(r.total).toBe(15);
    const paged = allPages(q, 3);
    expect(paged.length).toBe(15);
    expect(new Set(paged)).toEqual(new Set(expected));
    // The same query with the whole budget: every match walked, counted exactly.
    archive.matchBudget = MATCH_BUDGET;
    expect(archive.search(q)).toMatchObject({ total: 15, approximate: false });
  });

  it('checks the filters on the newest matches of the text only, not on lists of the whole archive', () => {
    archive.matchBudget = 10;
    const seen: string[] = [];
    const stmt = archive.stmt.bind(archive);
    archive.stmt = (sql: string) => (seen.push(sql), stmt(sql));
    try {
      archive.search({ text: '信息公开', yearFrom: 2019, ...CORRECTED });
    } finally {
      archive.stmt = stmt;
    }
    // The newest matches walked are checked against lists bounded by the lowest id walked, and
    // only those that pass are ranked.
    const check = seen.find((s) => /^SELECT j\.value AS id FROM json_each\(\?\) j WHERE/.test(s));
    expect(check).toBeDefined();
    expect(check).toMatch(/r\.id >= \? AND/);
    expect(check).toMatch(/n\.report_id >= \?/);
    expect(seen.some((s) => /MATCH \?.*\+f\.rowid IN \(SELECT value FROM json_each\(\?\)\)/.test(s))).toBe(true);
  });
});
