// The national corpus (test/fixtures/national): real reports of many provinces, mostly excerpts of
// portal pages, each parsed as the importer parses a .txt and compared with what was read by hand.
// A blank (nothing found) is allowed, a wrong value never: no other agency than the text's, no
// agency where the text names none, no other year, no other format, no wrong cell. Floors on the
// totals make a regression in what is found fail.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processFile } from '../../src/main/node/import/process-file.ts';
import { count, emptyTally, judge, listNational } from '../helpers/national.ts';

const corpus = listNational();
const total = emptyTally();

/** What the parser reaches on the corpus: lower only with a reason. */
const FLOOR = { agency: 646, year: 670, template: 673, cells: 331 };

/**
 * Excerpts that never say they are a report (no title, no 本报告, no 统计期限, no part heading):
 * refusing them as 不像年报 is no error. Key: the report, value: why.
 */
const UNSTATED: Record<string, string> = {
  'liaoning/dalian-gov-2012-trad': 'the excerpt starts inside part 一 (2012年，大连市认真贯彻…) with no title, heading or 本报告',
  'chongqing/chongqing-gov-2013-trad': 'an encyclopedia excerpt that starts at an unnumbered section (工作開展情況) with no title, 本报告, 统计期限 or part heading',
};

describe('national corpus', () => {
  it('holds reports of at least 7 provinces and every level', () => {
    expect(new Set(corpus.map((r) => r.expected.province)).size).toBeGreaterThanOrEqual(7);
    expect(new Set(corpus.map((r) => r.expected.level))).toEqual(new Set(['province', 'city', 'county', 'town']));
  });

  for (const r of corpus) {
    const f = r.files[0];
    it(r.id, async () => {
      const res = await processFile(readFileSync(f.path), f.name.slice(f.name.lastIndexOf('.')), { fileName: f.name });
      // Every one that says it is a report, cut off or not, is kept, never refused.
      if (!res.ok && UNSTATED[r.id]) return;
      expect(res.ok ? 'imported' : res.message).toBe('imported');
      if (!res.ok) return;
      const o = judge({ ...res.report, findings: res.findings }, r.expected);
      count(total, o);
      const got = { agency: res.report.agency, year: res.report.year, template: res.report.template };
      const e = r.expected;
      if (o.agency === 'wrong') expect(got.agency, `单位（${e.agencyHow}）`).toBe(e.agency);
      if (o.year === 'wrong') expect(got.year, `年度（${e.yearHow}）`).toBe(e.year);
      if (o.template === 'wrong') expect(got.template, `格式（${e.templateHow}）`).toBe(e.template);
      expect(o.cells.filter((c) => c.verdict === 'wrong')).toEqual([]);
    });
  }

  it('finds at least as much as before (totals)', () => {
    expect(total.reports).toBeGreaterThanOrEqual(corpus.length - Object.keys(UNSTATED).length);
    expect(total.agency.right).toBeGreaterThanOrEqual(FLOOR.agency);
    expect(total.year.right).toBeGreaterThanOrEqual(FLOOR.year);
    expect(total.template.right).toBeGreaterThanOrEqual(FLOOR.template);
    expect(total.cells.right).toBeGreaterThanOrEqual(FLOOR.cells);
  });
});
