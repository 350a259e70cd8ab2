// Every report of the corpus of real reports (test/fixtures/real), in every form it holds, parsed
// and compared with what was read from it by hand: agency, year, template and each key cell.
// A cell may stay blank where the report's own numbers leave more than one reading (listed in
// AMBIGUOUS, each with why); a wrong value is never allowed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processFile } from '../../src/main/node/import/process-file.ts';
import { againstReference, evaluate, listCorpus } from '../helpers/corpus.ts';

/**
 * Cells the parser rightly leaves blank in one form: the digits of the row ran together and the
 * sums or the text do not decide the split. Key: "folder/file", value: the cells and why.
 */
const AMBIGUOUS: Record<string, { cells: string[]; why: string }> = {
  'pt-czj-2019/page.txt': { cells: ['t2.normative.totalPublic'], why: "table 二 “1077”: 1|0|77 and 10|7|7 both fit, and in the 2019 form nothing relates the three columns (the text's 规范性文件类信息10条 is not tied to a column)" },
  'pt-gwh-2019/page.txt': { cells: ['t2.normative.totalPublic'], why: "table 二 “222233”: several splits, and in the 2019 form nothing relates the three columns (an empty cell may have been lost)" },
  'pt-gwh-2021/page.txt': { cells: ['t2.normative.inForce'], why: "table 二 “20 155”: several splits within 现行有效 ≥ 制发 − 废止, and nothing in the text decides" },
  'pt-gyz-2020/page.txt': { cells: ['t2.normative.totalPublic'], why: "table 二 “7713”: several splits, and in the 2019 form nothing relates the three columns (an empty cell may have been lost)" },
  'pt-htp-2025/page.txt': { cells: ['t3.new.natural', 't3.new.total', 't3.r7.natural', 't3.r7.total'], why: "the report’s own 总计 column is 0 while 自然人 is 2: no split of the run satisfies R2, and an empty cell may have been lost" },
  'pt-jjp-2024/page.txt': { cells: ['t3.next.natural', 't3.next.total'], why: "an empty cell dropped: six digits for seven cells" },
  'pt-lyy-2022/page.txt': { cells: ['t2.normative.inForce'], why: "table 二 “9234”: several splits within 现行有效 ≥ 制发 − 废止, and nothing in the text decides" },
  'pt-nyn-2023/page.txt': { cells: ['t2.normative.inForce', 't3.new.natural', 't3.new.total'], why: "table 二 “4920”: several splits within 现行有效 ≥ 制发 − 废止, and nothing in the text decides; the report’s own 本年新收 总计 is 0 (its 7 stands in 上年结转): R2 fails for every split" },
  'pt-scj-2020/page.txt': { cells: ['t2.normative.totalPublic'], why: "table 二 “668”: several splits, and in the 2019 form nothing relates the three columns (an empty cell may have been lost)" },
  'pt-scj-2023/page.txt': { cells: ['t2.normative.inForce'], why: "table 二 “13013”: several splits within 现行有效 ≥ 制发 − 废止, and nothing in the text decides" },
  'pt-shs-2021/page.txt': { cells: ['t2.normative.totalPublic'], why: "table 二 “121223”: several splits, and in the 2019 form nothing relates the three columns (an empty cell may have been lost)" },
  'pt-shs-2024/page.txt': { cells: ['t2.normative.inForce', 't4.review.total', 't4.suit_after.total', 't4.suit_direct.total'], why: "table 二 “500”: several splits within 现行有效 ≥ 制发 − 废止, and nothing in the text decides; the report’s own 复议后起诉 总计 is wrong (13+2+4+0 ≠ 15), so no split of the run satisfies R4" },
  'pt-zrz-2019/page.txt': { cells: ['t2.normative.totalPublic'], why: "table 二 “121212”: several splits, and in the 2019 form nothing relates the three columns (an empty cell may have been lost)" },
  'pt-zrz-2022/page.txt': { cells: ['t2.normative.inForce'], why: "table 二 “24432”: several splits within 现行有效 ≥ 制发 − 废止, and nothing in the text decides" },
};

const corpus = listCorpus();

const parse = async (path: string, name: string) => {
  const res = await processFile(readFileSync(path), name.slice(name.lastIndexOf('.')), { fileName: name });
  if (!res.ok) throw new Error(res.message);
  return res;
};

describe('corpus of real reports', () => {
  it('holds at least 50 reports of at least 20 agencies', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(50);
    expect(new Set(corpus.map((r) => r.expected.agency)).size).toBeGreaterThanOrEqual(20);
  });

  for (const r of corpus) {
    for (const f of r.files) {
      it(`${r.id}/${f.name}`, async () => {
        const res = await parse(f.path, f.name);
        const o = evaluate({ ...res.report, findings: res.findings }, r.expected);
        expect({ agency: res.report.agency, year: res.report.year, template: res.report.template }).toEqual({
          agency: o.agency ? res.report.agency : r.expected.agency,
          year: r.expected.year,
          template: r.expected.template,
        });
        const allowed = new Set(AMBIGUOUS[`${r.id}/${f.name}`]?.cells ?? []);
        const off = o.cells.filter((c) => c.verdict === 'wrong' || (c.verdict === 'blank' && !allowed.has(c.key)));
        expect(off).toEqual([]);
        // A cell listed as ambiguous that is now read must be read right (and the list shortened).
        for (const c of o.cells.filter((x) => allowed.has(x.key))) expect(c.verdict).toBe('blank');
        expect(o.falseErrors.map((e) => e.message)).toEqual([]);
        // Every cell, not only the key ones: none that the clean copy of the report does not have.
        const clean = r.files.find((x) => x.name === 'tabs.txt');
        if (clean && f !== clean) expect(againstReference(res.report.cells, (await parse(clean.path, clean.name)).report.cells).wrong).toEqual([]);
      });
    }
  }
});
