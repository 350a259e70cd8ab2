// The export of a search goes on past a total that is not exact: an estimate (约 N) made from the
// newest matches, or a count search stopped at (超过 N), is not where the list ends, its pages are.
// An archive of 230 generated reports with a small match budget (as the 100,000-report bench has
// MATCH_BUDGET): the term is in the 200 oldest only, so the newest matches are sparse and the
// estimate falls short of the 200 that match.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../src/main/node/archive/archive.ts';
import { searchHandlers } from '../../src/main/node/services/search.ts';
import type { ServiceContext } from '../../src/main/node/services/context.ts';
import type { Cell } from '../../src/shared/report/model.ts';
import { generatedReport } from '../helpers/generated-report.ts';

const N = 230;
const WITH_TERM = 200;
let dir: string;
let archive: Archive;
const num = (n: number) => ({ kind: 'number' as const, num: n, raw: String(n) });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-export-pages-'));
  archive = new Archive(join(dir, 'a.sqlite'));
  for (let i = 0; i < N; i++) {
    const year = 2019 + (i % 6);
    const agency = `第${i}镇人民政府`;
    const text = `${agency}${year}年政府信息公开工作年度报告\n一、总体情况\n本年度推进政府信息公开工作。${i < WITH_TERM ? '严格落实保密审查制度。' : ''}`;
    const cells: Cell[] = [{ table: 't4', row: 'review', col: 'corrected', value: num(i % 2), source: 'test' }];
    archive.insertReport(generatedReport(i, { sourcePath: join(dir, `${i}.txt`), agency, year, template: 'T2021', parts: [{ no: 1, heading: '一、总体情况', text }], text, cells }));
  }
  archive.matchBudget = 10;
});
afterAll(() => {
  archive?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The search handlers over the archive, the sheet's CSV text kept instead of a save dialog. */
function exporter() {
  const sheets: { name: string; csv: string }[] = [];
  const saveSheet: ServiceContext['saveSheet'] = async (name, _format, _xlsx, csv) => (sheets.push({ name, csv: csv() }), { saved: true, path: name });
  return { sheets, handlers: searchHandlers({ archive, saveSheet } as unknown as ServiceContext) };
}
/** The sheet's report rows: every line after the header that names a generated unit. */
const rowsOf = (csv: string) => csv.split(/\r?\n/).filter((l) => /第\d+镇人民政府/.test(l));

describe('export past a total that is not exact', () => {
  it('exports every match of a text search whose total is an estimate below the matches', async () => {
    const r = archive.search({ text: '保密审查', limit: 100 });
    expect(r.approximate).toBe(true);
    expect(r.total).toBeLessThan(WITH_TERM); // the estimate this test is about: fewer than match
    const { sheets, handlers } = exporter();
    await handlers.exportSearch({ text: '保密审查', format: 'csv' });
    expect(sheets).toHaveLength(1);
    expect(rowsOf(sheets[0].csv)).toHaveLength(WITH_TERM);
    expect(sheets[0].name).toContain(`_${WITH_TERM}份`);
  });

  it('exports every report of a condition alone past the count search stops at (超过)', async () => {
    const q = { indicators: [{ table: 't4' as const, row: 'review', col: 'corrected', op: '>' as const, value: 0 }] };
    const r = archive.search({ ...q, limit: 100 });
    expect(r).toMatchObject({ approximate: true, lowerBound: true, total: 10 });
    const { sheets, handlers } = exporter();
    await handlers.exportSearch({ ...q, format: 'csv' });
    expect(rowsOf(sheets[0].csv)).toHaveLength(N / 2);
  });
});
