// Search over the fixture archive: the exact result set for each kind of query.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';
import type { SearchQuery } from '../../src/shared/contract/types.ts';

let rt: Runtime;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-search-'));
  for (const sub of ['utf8', 'samples', 't2021']) cpSync(new URL(`../fixtures/reports/${sub}`, import.meta.url).pathname, join(dir, 'in', sub), { recursive: true });
  rt = openRuntime(join(dir, 'a.sqlite'));
  const id = rt.importer.start([join(dir, 'in')]);
  await rt.importer.wait(id);
  // 15 files, 10 reports: a 2021-format fixture as .doc/.docx and .txt is one report; 某市教育局's
  // 2024 report comes in two versions, the later (t2021-errors-2024) the one of record.
  expect(rt.archive.count()).toBe(10);
}, 120_000);
afterAll(async () => rt?.close());

/** Result files, sorted: the exact set a query returns. */
const files = (q: SearchQuery) => rt.archive.search({ limit: 100, ...q }).hits.map((h) => h.fileName).sort();
const T2021_TXT = ['t2021-errors-2024.txt', 't2021-jiaoyu-2023.txt', 't2021-jiaoyu-2024.txt'];
const T2021_ALL = ['t2021-errors-2024.doc', 't2021-errors-2024.docx', 't2021-errors-2024.txt', 't2021-jiaoyu-2023.docx', 't2021-jiaoyu-2023.txt', 't2021-jiaoyu-2024.doc', 't2021-jiaoyu-2024.txt'];
const SAMPLES = ['hongze-district-gov-2023.txt', 'hongze-district-gov-2024.txt', 'huaian-city-gov-2024.txt'];

/** Search finds reports, not files: each file named as the one its report is searched by (the
 *  report's most certainly read file, .docx before .doc before .txt), an earlier version by none. */
const RECORD: Record<string, string | null> = {
  't2021-errors-2024.doc': 't2021-errors-2024.docx',
  't2021-errors-2024.txt': 't2021-errors-2024.docx',
  't2021-jiaoyu-2023.txt': 't2021-jiaoyu-2023.docx',
  't2021-jiaoyu-2024.doc': null,
  't2021-jiaoyu-2024.txt': null,
};
const reports = (names: string[]) => [...new Set(names.map((n) => (n in RECORD ? RECORD[n] : n)).filter((n): n is string => n !== null))].sort();

describe('search', () => {
  it('finds a rare phrase of three or more characters', () => {
    expect(files({ text: '信息处理费' })).toEqual(reports([...SAMPLES, 't2021-jiaoyu-2023.docx', 't2021-jiaoyu-2023.txt', 't2021-jiaoyu-2024.doc', 't2021-jiaoyu-2024.txt'].sort()));
    expect(files({ text: '宁波市科学技术局' })).toEqual(reports(['seed-001.txt']));
  });

  it('finds two- and one-character terms and highlights them', () => {
    const r = rt.archive.search({ text: '复议' });
    expect(r.total).toBe(10); // all: seed 002, cut off in part 一, names 行政复议 in its opening paragraph
    const h = r.hits[0].snippet!;
    expect(h.highlights.length).toBeGreaterThan(0);
    for (const [a, b] of h.highlights) expect(h.text.slice(a, b)).toBe('复议');
    expect(files({ text: '仑' })).toEqual(reports(['seed-004.txt']));
    expect(files({ text: '淘' })).toEqual([]); // 淘豆网 is in seed 002's page chrome, which is not the report
  });

  it('ANDs terms, and finds phrases, exclusions and alternatives', () => {
    // Seed 003 (内江高新区) mentions its 区管委会 too.
    expect(files({ text: '高新区 管委会' })).toEqual(reports(['seed-000.txt', 'seed-002.txt', 'seed-003.txt']));
    expect(files({ text: '高新区 -宁波' })).toEqual(reports(['seed-003.txt']));
    expect(files({ text: '管委会 -内江' })).toEqual(reports(['seed-000.txt', 'seed-002.txt']));
    expect(files({ text: '"内江高新区"' })).toEqual(reports(['seed-003.txt']));
    expect(files({ text: '北仑 或 内江' })).toEqual(reports(['seed-003.txt', 'seed-004.txt']));
    expect(files({ text: '內江' })).toEqual(['seed-003.txt']); // traditional 內 folds to 内
    // Punctuation inside a phrase does not matter, typed or not: the reports whose own text says
    // 行政复议、行政诉讼 (part 四's heading in the 2021 format, 某市教育局's 2023 .docx). The seeds' part 四 says 被申请行政复议、
    // 提起行政诉讼; table 四's title, which says it, is their template's and not searched.
    const withPart4 = files({ text: '行政复议、行政诉讼' });
    expect(withPart4).toEqual(reports(['hongze-district-gov-2023.txt', 'hongze-district-gov-2024.txt', 'huaian-city-gov-2024.txt', 'seed-004.txt', 't2021-errors-2024.docx', 't2021-jiaoyu-2023.docx']));
    expect(files({ text: '"行政复议行政诉讼"' })).toEqual(reports(withPart4));
  });

  it('says which part a hit is in', () => {
    const hit = rt.archive.search({ text: '信息处理费', agency: '淮安市人民政府' }).hits[0];
    expect(hit.partName).toBe('六、其他需要报告的事项');
    // The report's own words: a line of its table the parser did not read into a cell.
    const own = rt.archive.search({ text: '不予公开', agency: '某市教育局' }).hits[0];
    expect(own.partName).toBe('原文');
    expect(own.snippet!.text).toContain('不予公开');
  });

  it('finds a report by its own words, not by the labels its template gives its tables', async () => {
    // 结果纠正 is a column of table 四 in every 2019/2021-format report: only 淮安's text says it
    // (一、总体情况); 某市教育局's reports hold it as a label alone, and are not found by it.
    expect(rt.archive.search({ text: '结果纠正', limit: 100 }).hits.map((h) => [h.fileName, h.partName])).toEqual([['huaian-city-gov-2024.txt', '一、总体情况']]);
    expect(files({ text: '结果纠正', agency: '某市教育局' })).toEqual([]);
    // Its numbers are found by the indicator filter instead.
    expect(files({ agency: '某市教育局', indicators: [{ table: 't4', row: 'review', col: 'corrected', op: '>', value: 0 }] })).toEqual(reports(['t2021-errors-2024.docx', 't2021-jiaoyu-2024.txt']));
    // A free-form table (before the 2019 format) has no template: its labels are the report's own words.
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-search-free-'));
    writeFileSync(
      join(dir, 'free-2017.txt'),
      [
        '某县民政局2017年政府信息公开工作年度报告',
        '一、概述',
        '2017年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，政府信息公开工作有序开展。',
        '二、主动公开政府信息情况',
        '全年主动公开政府信息情况见下表。',
        '| 指标 | 数量 |',
        '| 网上咨询答复件数 | 120 |',
        '| 政务微博发布条数 | 35 |',
        '三、依申请公开政府信息情况',
        '全年未收到政府信息公开申请。',
        '四、存在的主要问题及改进措施',
        '公开内容还不够全面，下一步将进一步加强。',
      ].join('\n'),
    );
    const free = openRuntime(join(dir, 'free.sqlite'));
    try {
      await free.importer.wait(free.importer.start([join(dir, 'free-2017.txt')]));
      expect(free.archive.search({ text: '网上咨询答复件数' }).hits.map((h) => h.fileName)).toEqual(['free-2017.txt']);
      expect(free.archive.search({ text: '微博' }).hits.map((h) => h.fileName)).toEqual(['free-2017.txt']);
    } finally {
      await free.close();
    }
  });

  it('filters by year range, agency, template and status, with or without text', () => {
    expect(files({ yearFrom: 2023, yearTo: 2023 })).toEqual(reports(['hongze-district-gov-2023.txt', 't2021-jiaoyu-2023.docx', 't2021-jiaoyu-2023.txt']));
    expect(files({ template: 'pre2019' })).toEqual(reports(['seed-002.txt']));
    expect(files({ status: 'error' })).toEqual(reports(['hongze-district-gov-2023.txt', 'seed-001.txt', 't2021-errors-2024.doc', 't2021-errors-2024.docx', 't2021-errors-2024.txt']));
    expect(files({ text: '公开', agency: '教育局', yearFrom: 2024 })).toEqual(reports(T2021_ALL.filter((f) => f.includes('2024'))));
  });

  it('filters by conditions on table cells', () => {
    // 行政复议 结果纠正 > 0
    expect(files({ indicators: [{ table: 't4', row: 'review', col: 'corrected', op: '>', value: 0 }] })).toEqual(
      reports([
      'hongze-district-gov-2023.txt',
      'hongze-district-gov-2024.txt',
      'huaian-city-gov-2024.txt',
      'seed-004.txt',
      't2021-errors-2024.doc',
      't2021-errors-2024.docx',
      't2021-errors-2024.txt',
      't2021-jiaoyu-2024.doc',
      't2021-jiaoyu-2024.txt',
    ]),
    );
    // 本年新收 总计 >= 100
    expect(files({ indicators: [{ table: 't3', row: 'new', col: 'total', op: '>=', value: 100 }] })).toEqual(reports(['huaian-city-gov-2024.txt', 'seed-004.txt']));
    // both, with text
    expect(files({ text: '宁波', indicators: [{ table: 't3', row: 'new', col: 'total', op: '>=', value: 100 }] })).toEqual(reports(['seed-004.txt']));
    // Each hit says what the condition found in it (the value from the report's own table).
    const hits = rt.archive.search({ limit: 100, indicators: [{ table: 't3', row: 'new', col: 'total', op: '>=', value: 100 }] }).hits;
    for (const h of hits) {
      const cell = rt.archive.cellsOf(h.reportId).find((c) => c.table === 't3' && c.row === 'new' && c.col === 'total')!;
      expect(h.values).toEqual([{ label: '申请处理“一、本年新收政府信息公开申请数量”总计', value: String(cell.value.num) }]);
      expect(cell.value.num).toBeGreaterThanOrEqual(100);
    }
    expect(rt.archive.search({ text: '宁波' }).hits[0].values).toBeUndefined();
  });

  it('filters by conditions that a cell of 0 satisfies: every report whose cell is 0, counted exactly', () => {
    // Zeros are lists of reports (cell_zeros), not rows of cell_numbers: the answer is as exact.
    expect(rt.archive.db.prepare('SELECT COUNT(*) FROM cell_numbers WHERE num = 0').pluck().get()).toBe(0);
    const records = rt.archive.listReports({}).map((r) => r.id);
    const numberAt = (id: number, table: string, row: string, col: string) => {
      const c = rt.archive.fileCellsOf(id).find((x) => x.table === table && x.row === row && x.col === col);
      return c?.value.kind === 'number' && c.value.num !== null ? c.value.num : undefined;
    };
    const test = { '>': (a: number, b: number) => a > b, '>=': (a: number, b: number) => a >= b, '<': (a: number, b: number) => a < b, '<=': (a: number, b: number) => a <= b, '=': (a: number, b: number) => a === b, '!=': (a: number, b: number) => a !== b };
    const cells = [['t4', 'review', 'corrected'], ['t3', 'new', 'total'], ['t3', 'r7', 'total'], ['t3', 'r1', 'natural']] as const;
    const conditions = [['=', 0], ['<=', 0], ['<=', 5], ['<', 1], ['>=', 0], ['>', -1], ['!=', 7], ['!=', 0], ['>', 0]] as const;
    let zerosFound = 0;
    for (const [table, row, col] of cells)
      for (const [op, value] of conditions) {
        const want = records.filter((id) => {
          const n = numberAt(id, table, row, col);
          return n !== undefined && test[op](n, value);
        });
        const r = rt.archive.search({ limit: 100, indicators: [{ table, row, col, op, value }] });
        expect([`${table} ${row} ${col} ${op} ${value}`, r.hits.map((h) => h.reportId).sort((a, b) => a - b)]).toEqual([`${table} ${row} ${col} ${op} ${value}`, want.sort((a, b) => a - b)]);
        // The count of reports with a value (≥ 0: every number here is one) is exact too.
        expect(r.total).toBe(want.length);
        if (op === '=' && value === 0) zerosFound += want.length;
      }
    expect(zerosFound).toBeGreaterThan(5);
  });

  it('follows a cell changed to and from 0', () => {
    const id = rt.archive.listReports({}).map((r) => r.id).find((x) => rt.archive.fileCellsOf(x).some((c) => c.table === 't4' && c.row === 'review' && c.col === 'corrected' && c.value.num === 0))!;
    const zero = { indicators: [{ table: 't4' as const, row: 'review', col: 'corrected', op: '=' as const, value: 0 }] };
    const five = { indicators: [{ table: 't4' as const, row: 'review', col: 'corrected', op: '=' as const, value: 5 }] };
    const ids = (q: SearchQuery) => rt.archive.search({ limit: 100, ...q }).hits.map((h) => h.reportId);
    expect(ids(zero)).toContain(id);
    rt.archive.correct(id, 'cell:t4|review|corrected', { kind: 'number', num: 5, raw: '5' }, '测试');
    expect(ids(zero)).not.toContain(id);
    expect(ids(five)).toContain(id);
    rt.archive.revert(id, 'cell:t4|review|corrected');
    expect(ids(zero)).toContain(id);
    expect(ids(five)).not.toContain(id);
  });

  it('filters reports that state 信息处理费 in part 六', () => {
    expect(files({ feeStated: true })).toEqual(reports([...SAMPLES, 't2021-jiaoyu-2023.docx', 't2021-jiaoyu-2023.txt', 't2021-jiaoyu-2024.doc', 't2021-jiaoyu-2024.txt'].sort()));
  });

  it('ranks by relevance, then newest year, and pages', () => {
    const all = rt.archive.search({ text: '政府', limit: 100 });
    const page1 = rt.archive.search({ text: '政府', limit: 5 });
    const page2 = rt.archive.search({ text: '政府', limit: 5, offset: 5 });
    expect(page1.total).toBe(all.total);
    expect([...page1.hits, ...page2.hits].map((h) => h.reportId)).toEqual(all.hits.slice(0, 10).map((h) => h.reportId));
    expect(T2021_TXT.length).toBe(3);
  });

  it('orders reports of equal relevance by newest year, whatever the import order', async () => {
    // The same report twice, only its year changed: the same words, the same length, the same rank.
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-search-tie-'));
    const text = new TextDecoder('gb18030').decode(readFileSync(new URL('../fixtures/reports/t2021/t2021-jiaoyu-2023.txt', import.meta.url)));
    writeFileSync(join(dir, 'a-2023.txt'), text);
    writeFileSync(join(dir, 'a-2022.txt'), text.replace('2023', '2022'));
    const tie = openRuntime(join(dir, 'tie.sqlite'));
    try {
      for (const f of ['a-2023.txt', 'a-2022.txt']) await tie.importer.wait(tie.importer.start([join(dir, f)]));
      const hits = tie.archive.search({ text: '信息处理费' }).hits;
      expect(hits.map((h) => [h.fileName, h.year])).toEqual([
        ['a-2023.txt', 2023],
        ['a-2022.txt', 2022],
      ]);
      expect(hits[0].reportId).toBeLessThan(hits[1].reportId); // imported first, yet first by year
    } finally {
      await tie.close();
    }
  });
});
