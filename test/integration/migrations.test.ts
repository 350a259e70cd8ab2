// One test per schema version: each migration applies to the schema before it.
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Archive } from '../../src/main/node/archive/archive.ts';
import { openRuntime } from '../../src/main/node/runtime.ts';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, SCHEMA_VERSION } from '../../src/main/node/archive/migrations/index.ts';
import { findingsIn } from '../../src/main/node/archive/packed.ts';
import { changeCell } from '../../src/main/node/archive/cells.ts';
import { olderArchive } from '../helpers/older-archive.ts';

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as { name: string }[]).map((r) => r.name);

/** An archive file at schema `version` holding one report with one part, left open. */
function archiveAt(version: number, part: { no: number; heading: string; text: string }): { file: string; db: Database.Database } {
  const file = join(mkdtempSync(join(tmpdir(), 'nianbao-mig-')), `v${version}.sqlite`);
  const db = new Database(file);
  migrate(db, version);
  db.prepare("INSERT INTO originals VALUES ('a', 1, x'00')").run();
  db.prepare(
    `INSERT INTO reports (sha256, file_name, source_path, format, encoding, agency, agency_norm, year, template, complete, status, parts_json, notes_json, text, parser_version, imported_at)
     VALUES ('a','f.txt','/f','txt','UTF-8','某县人民政府','某县人民政府',2020,'T2019',1,'ok',?, '[]','',1,'now')`,
  ).run(JSON.stringify([part]));
  return { file, db };
}

describe('migrations', () => {
  it('has one migration per schema version', () => {
    expect(MIGRATIONS.length).toBe(SCHEMA_VERSION);
  });

  it('0001-init creates originals, reports, cells and findings from an empty file', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(['cells', 'findings', 'originals', 'reports']);
    db.prepare("INSERT INTO originals VALUES ('a', 1, x'00')").run();
    db.prepare(
      "INSERT INTO reports (sha256, file_name, source_path, format, encoding, template, complete, status, parts_json, notes_json, text, parser_version, imported_at) VALUES ('a','f','/f','txt','UTF-8','T2019',1,'ok','[]','[]','',1,'now')",
    ).run();
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO cells VALUES (1, 't3', 'new', 'total', 'number', 5, '5', NULL, 'x')").run();
    db.prepare('DELETE FROM reports WHERE id = 1').run();
    expect((db.prepare('SELECT COUNT(*) AS n FROM cells').get() as { n: number }).n).toBe(0);
  });

  it('0002-review adds agency aliases and corrections to a version 1 archive with data', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.prepare("INSERT INTO originals VALUES ('a', 1, x'00')").run();
    migrate(db, 2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(tables(db)).toEqual(['agency_aliases', 'cells', 'corrections', 'findings', 'originals', 'reports']);
    expect((db.prepare('SELECT COUNT(*) AS n FROM originals').get() as { n: number }).n).toBe(1);
    db.prepare("INSERT INTO corrections VALUES ('a', 'meta:year', '2019', '2020', 'u', 'now')").run();
    expect(() => db.prepare("INSERT INTO corrections VALUES ('a', 'meta:year', '2019', '2021', 'u', 'now')").run()).toThrow(/UNIQUE/);
  });

  it('0003-search adds the search tables; opening a version 2 archive indexes its reports', () => {
    const { file, db } = archiveAt(2, { no: 6, heading: '六、其他需要报告的事项', text: '本年度收取信息处理费0元。' });
    db.close();

    const archive = new Archive(file);
    expect(archive.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(tables(archive.db)).toEqual(expect.arrayContaining(['search_docs', 'search_tri', 'search_uni']));
    expect(archive.search({ text: '信息处理费' }).total).toBe(1);
    expect(archive.search({ text: '费' }).total).toBe(1);
    expect(archive.search({ feeStated: true }).total).toBe(1);
    archive.db.prepare('DELETE FROM reports').run();
    expect((archive.db.prepare('SELECT COUNT(*) AS n FROM search_tri').get() as { n: number }).n).toBe(0);
    expect(archive.search({ text: '费' }).total).toBe(0);
    archive.close();
  });

  it('0004-search-facets lets a filtered search find its reports from indexes alone', () => {
    const db = new Database(':memory:');
    migrate(db, 3);
    migrate(db, 4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan("SELECT id FROM reports r WHERE r.year >= 2020 AND r.status = 'error'")).toContain('USING COVERING INDEX reports_facets');
    expect(plan('SELECT report_id FROM search_docs WHERE fee_stated = 1')).toContain('USING COVERING INDEX search_docs_fee');
  });

  it('0005-search-letters indexes a version 4 archive again, so punctuation inside a phrase matches', () => {
    const { file, db } = archiveAt(4, { no: 4, heading: '四、政府信息公开行政复议、行政诉讼情况', text: '本年度无行政复议、\n行政诉讼。' });
    // Indexed as version 4 did: the normalised text with its punctuation.
    const text = '四、政府信息公开行政复议、行政诉讼情况\n本年度无行政复议、\n行政诉讼。';
    db.prepare("INSERT INTO search_docs VALUES (1, ?, '[[0,0]]', 0)").run(text);
    db.prepare('INSERT INTO search_tri (rowid, text) VALUES (1, ?)').run(text);
    db.prepare('INSERT INTO search_uni (rowid, text) VALUES (1, ?)').run([...text.replace(/[^\p{L}\p{N}]+/gu, ' ')].join(' '));
    const phrase = (d: Database.Database) => (d.prepare("SELECT count(*) AS n FROM search_tri WHERE search_tri MATCH '\"行政复议行政诉讼\"'").get() as { n: number }).n;
    expect(phrase(db)).toBe(0);
    db.close();

    const archive = new Archive(file);
    expect(archive.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(phrase(archive.db)).toBe(1);
    const hit = archive.search({ text: '行政复议、行政诉讼' }).hits[0];
    // Both hits marked whole, the one across a line break too (shown as a space in the snippet).
    expect(hit.snippet!.highlights.map(([a, b]) => hit.snippet!.text.slice(a, b))).toEqual(['行政复议、行政诉讼', '行政复议、 行政诉讼']);
    expect(archive.search({ text: '行政诉讼' }).total).toBe(1);
    expect(archive.search({ text: '诉讼' }).total).toBe(1);
    // Deleting still reaches both indexes.
    archive.db.prepare('DELETE FROM reports').run();
    expect(phrase(archive.db)).toBe(0);
    expect(archive.search({ text: '诉讼' }).total).toBe(0);
    archive.close();
  });

  it('0006-evidence keeps where metadata came from and which cells were worked out; older reports claim neither', () => {
    const { file, db } = archiveAt(5, { no: 1, heading: '一、总体情况', text: '略' });
    db.prepare("INSERT INTO cells VALUES (1, 't3', 'new', 'total', 'number', 5, '5', NULL, '第9行')").run();
    // A word that stands only in a table the parser could not read: in the source text, in no part.
    db.prepare("UPDATE reports SET text = '一、总体情况\n略\n行政复议 结果纠正 1 0 0 0 1'").run();
    db.close();

    const archive = new Archive(file);
    expect(archive.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const old = archive.getReport(1)!;
    expect(old.evidence).toEqual([]);
    expect(old.cells[0].how).toBeUndefined();
    // Indexed again on opening, with the source text: the word is found, in the part 原文.
    const hit = archive.search({ text: '结果纠正' }).hits[0];
    expect(hit?.partName).toBe('原文');

    // A cell stored as inferred reads back so; a correction replaces the value and the mark.
    changeCell(archive, 1, { table: 't3', row: 'new', col: 'natural' }, () => ({ table: 't3', row: 'new', col: 'natural', value: { kind: 'number', num: 5, raw: '5' }, source: '第9行，推断（表格分隔丢失）', how: 'inferred' }));
    expect(archive.getReport(1)!.cells.find((c) => c.col === 'natural')!.how).toBe('inferred');
    archive.correct(1, 'cell:t3|new|natural', { kind: 'number', num: 4, raw: '4' }, '测试');
    expect(archive.getReport(1)!.cells.find((c) => c.col === 'natural')!.how).toBeUndefined();
    archive.close();
  });

  it('0007-finding-place keeps where a writing finding is, and re-checks the reports of a version 6 archive once', () => {
    // A 2020 report whose 统计期限 still says 2019: the 体检 check Y1, which version 6 did not have.
    const { file, db } = archiveAt(6, { no: 1, heading: '一、总体情况', text: '本报告所列数据的统计期限自2019年1月1日起至2019年12月31日止。' });
    db.close();
    const archive = new Archive(file);
    expect(archive.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const y1 = archive.findingsOf(1).find((f) => f.rule === 'Y1')!;
    expect(y1.message).toMatch(/^统计期限写的是2019年/);
    expect(y1.at).toEqual({ part: 1, quote: '统计期限自2019年1月1日' });
    expect(findingsIn(archive.db.prepare('SELECT packed FROM findings WHERE report_id = 1').pluck().get() as Buffer).find((f) => f.rule === 'Y1')!.at).toEqual(y1.at);
    archive.close();
  });

  it('0008-settings keeps the office’s name and the checks it switched off', () => {
    const { file, db } = archiveAt(7, { no: 1, heading: '一、总体情况', text: '略' });
    db.close();
    const archive = new Archive(file);
    expect(archive.settings()).toEqual({ officeName: '', disabledRules: [], thresholds: { reviewCorrection: 0.15, suitCorrection: 0.15, withheldRate: 0.3 } });
    archive.setSettings({ officeName: ' 某县政务公开办 ', disabledRules: ['W2', 'O3', 'W2'] });
    archive.close();
    const again = new Archive(file);
    expect(again.settings()).toMatchObject({ officeName: '某县政务公开办', disabledRules: ['O3', 'W2'] });
    again.close();
  });

  it('0009-directory keeps the units the office confirmed, and proposes the rest from their names', () => {
    const { file, db } = archiveAt(8, { no: 1, heading: '一、总体情况', text: '略' });
    db.close();
    const archive = new Archive(file);
    expect(archive.directory()).toEqual([{ name: '某县人民政府', parent: null, kind: '本级政府', required: true, aliases: [], proposed: true, reports: 1, years: [2020] }]);
    archive.saveUnits([{ name: '某县人民政府', parent: '某市人民政府', kind: '本级政府', required: false, aliases: ['某县政府'] }]);
    archive.close();
    const again = new Archive(file);
    expect(again.directory()[0]).toMatchObject({ parent: '某市人民政府', required: false, aliases: ['某县政府'], proposed: false });
    again.close();
  });

  it('0010-report-files groups the files of a version 9 archive into reports with copies and versions', async () => {
    // The seven 2021-format fixtures as this version stores them (某市教育局 2023 as .docx and .txt;
    // 2024 as jiaoyu-2024 .doc/.txt, signed 2025-01-20, and its revision errors-2024 .doc/.docx/.txt,
    // signed 2025-02-05), their rows written into a version 9 file as a version 9 program kept them.
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-mig10-'));
    const rt = openRuntime(join(dir, 'now.sqlite'));
    await rt.importer.wait(rt.importer.start([new URL('../fixtures/reports/t2021', import.meta.url).pathname]));
    await rt.close();
    const file = join(dir, 'v9.sqlite');
    olderArchive(file, 9, join(dir, 'now.sqlite'), ['originals', 'reports', 'report_cells', 'findings']);
    const archive = new Archive(file);
    expect(archive.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect((archive.db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n).toBe(7);
    const listed = archive.listReports({});
    expect(listed.map((r) => [r.year, r.fileName, r.otherFiles, r.version, r.versions])).toEqual([
      [2024, 't2021-errors-2024.docx', 2, 2, 2],
      [2023, 't2021-jiaoyu-2023.docx', 1, 1, 1],
    ]);
    expect(archive.search({ text: '教育局' }).total).toBe(2);
    const first = archive.getReport((archive.db.prepare("SELECT id FROM reports WHERE file_name = 't2021-jiaoyu-2024.doc'").get() as { id: number }).id)!;
    expect(first).toMatchObject({ record: false, version: 1, versions: 2, otherFiles: 1 });
    archive.close();
  });

  it('0011-cell-origin marks the cells a version 10 archive read from a PDF as placed by geometry, and says whose each failed rule is', async () => {
    // A real PDF report as version 10 stored it, with 本年新收 总计 misread as 7 (the text says 共受理…申请2件).
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-mig11-'));
    const rt = openRuntime(join(dir, 'now.sqlite'));
    await rt.importer.wait(rt.importer.start([new URL('../fixtures/real/pt-jsp-2023/report.pdf', import.meta.url).pathname]));
    await rt.close();
    const file = join(dir, 'v10.sqlite');
    olderArchive(file, 10, join(dir, 'now.sqlite'), ['originals', 'reports', 'report_cells', 'findings']);
    const db = new Database(file);
    db.exec("UPDATE cells SET how = NULL; UPDATE cells SET num = 7, raw = '7' WHERE tbl = 't3' AND row = 'new' AND col = 'total'");
    db.close();
    const archive = new Archive(file);
    expect(archive.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect([...new Set(archive.fileCellsOf(1).map((c) => c.how))]).toEqual(['geometry']);
    const r2 = archive.findingsOf(1).filter((f) => f.rule === 'R2' || f.rule === 'R1');
    expect(r2.length).toBeGreaterThan(0);
    for (const f of r2) {
      expect(f).toMatchObject({ severity: 'warning', fault: 'reading' });
      expect(f.why).toContain('读作2（正文：“共受理政府信息公开申请2件”）');
    }
    expect(archive.listReports({})[0].status).not.toBe('error');
    archive.close();
  });

  it('0013-notices keeps the notices written and the findings they listed; a report removed takes its notices with it', () => {
    const { db } = archiveAt(11, { no: 1, heading: '一、总体情况', text: '' });
    migrate(db, 12);
    expect(tables(db)).not.toContain('notices');
    migrate(db, 13);
    expect(tables(db)).toEqual(expect.arrayContaining(['notices', 'notice_findings']));
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO notices (report_id, sha256, version, day, deadline, written_at) VALUES (1, 'a', 1, '2025-02-10', '2025-02-20', 'now')").run();
    db.prepare("INSERT INTO notice_findings (notice_id, no, key, rule, message) VALUES (1, 1, 'R1#t3|new|total#', 'R1', '总计不等')").run();
    // The same file's notice of the same day is one row.
    expect(() => db.prepare("INSERT INTO notices (report_id, sha256, version, day, written_at) VALUES (1, 'a', 1, '2025-02-10', 'later')").run()).toThrow(/UNIQUE/);
    db.prepare('DELETE FROM reports WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) FROM notice_findings').pluck().get()).toBe(0);
    db.close();
  });

  it('copies an archive of an older version aside before upgrading it', () => {
    const { file, db } = archiveAt(5, { no: 1, heading: '一、总体情况', text: '某县人民政府' });
    db.close();
    const archive = new Archive(file);
    expect(archive.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    archive.close();
    const dir = join(dirname(file), '备份');
    const copies = readdirSync(dir);
    expect(copies).toEqual([expect.stringMatching(/^升级前-版本5-\d{4}-\d{2}-\d{2}\.sqlite$/)]);
    const copy = new Database(join(dir, copies[0]), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(5);
    expect((copy.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n).toBe(1);
    copy.close();
    new Archive(file).close(); // already upgraded: no second copy
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('is idempotent and refuses an archive from a newer version', () => {
    const db = new Database(':memory:');
    migrate(db);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(/比本程序新/);
  });
});
