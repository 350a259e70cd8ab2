// Imports the fixture folder into a fresh archive file through the real worker pool.
import { createHash } from 'node:crypto';
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';
import type { ImportStatus } from '../../src/shared/contract/types.ts';
import { SAMPLES, SEEDS } from '../fixtures/expected.ts';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const SCAN = '洪泽区人民政府2024年政府信息公开工作年度报告（扫描件）.pdf';
let dir: string;
let rt: Runtime;
let first: ImportStatus;

async function importPaths(paths: string[]): Promise<ImportStatus> {
  const id = rt.importer.start(paths);
  await rt.importer.wait(id);
  return rt.importer.status(id)!;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
  cpSync(join(fixtures, 'reports'), join(dir, 'in/reports'), { recursive: true });
  cpSync(join(fixtures, 'bad'), join(dir, 'in/bad'), { recursive: true });
  // The one real scan only: the scan corpus beside it (test/fixtures/scan/*/) is read by its own test.
  cpSync(join(fixtures, 'scan', SCAN), join(dir, 'in/scan', SCAN));
  // A file over the size limit, made sparse so the test stays light.
  const huge = openSync(join(dir, 'in/bad/huge.txt'), 'w');
  writeSync(huge, 'x', 80 * 1024 * 1024);
  closeSync(huge);
  // The scan here stands for one whose data is still to be typed in: read by OCR in ocr.test.ts.
  rt = openRuntime(join(dir, 'archive.sqlite'), undefined, undefined, { ocr: false });
  first = await importPaths([join(dir, 'in')]);
}, 120_000);

afterAll(async () => {
  await rt?.close();
});

const byName = (s: ImportStatus, path: string) => s.items.find((i) => i.path.endsWith(path));

/** Files in the archive, as against reports (units' years). */
const files = () => (rt.archive.db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;

describe('importing the fixture folder', () => {
  it('imports every report and lists the rest with reasons', () => {
    // 5 seeds x 3 encodings + 3 samples + 7 Word files + 7 2021-format fixtures + a scanned PDF;
    // seed-004-really-doc.docx is seed-004.doc under another name, so the same bytes:
    // a duplicate, not a second report.
    expect(first.counts).toEqual({ imported: 32, duplicate: 1, skipped: 0, failed: 9 });
    expect(first.total).toBe(42);
    expect(first.done).toBe(42);
    expect(first.finished).toBe(true);
    // 32 files, 11 reports: a seed in three encodings and two Word files is one report of a unit's year.
    expect(rt.archive.count()).toBe(11);
    expect(files()).toBe(32);
    const dup = first.items.find((i) => i.status === 'duplicate')!;
    expect(dup.message).toMatch(/内容完全相同/);
    expect(['seed-004.doc', 'seed-004-really-doc.docx']).toContain(dup.name);
  });

  it('gives each bad file its own Chinese reason', () => {
    const reasons: Record<string, RegExp> = {
      'bad/empty.txt': /文件为空/,
      'bad/random-bytes.doc': /不是Word文档/,
      'bad/truncated.docx': /损坏或不完整/,
      'bad/unknown-encoding.txt': /无法识别文件编码/,
      'bad/bomb.docx': /压缩炸弹/,
      'bad/encrypted.doc': /已加密/,
      'bad/encrypted.pdf': /PDF文件已加密/,
      'bad/not-a-report.txt': /不像政府信息公开工作年度报告/,
      'bad/huge.txt': /文件过大/,
    };
    for (const [path, re] of Object.entries(reasons)) {
      const item = byName(first, path);
      expect(item?.status, path).toBe('failed');
      expect(item?.message, path).toMatch(re);
    }
    // A scan is kept, as a report that still needs its data; agency and year from its file name.
    const scan = byName(first, '（扫描件）.pdf')!;
    expect(scan.status).toBe('imported');
    const r = rt.archive.getReport(scan.reportId!)!;
    expect(r).toMatchObject({ agency: '洪泽区人民政府', year: 2024, status: 'incomplete', format: 'pdf' });
    expect(r.notes.map((n) => n.message)).toContain('扫描件，没有可识别的文字（需要文字版或人工录入）');
    expect(r.evidence.find((e) => e.field === 'agency')!.source).toBe('文件名');
  });

  it('recognises agency and year of every seed in every encoding and format', () => {
    const reports = first.items.filter((i) => i.reportId).map((i) => rt.archive.getReport(i.reportId!)!);
    for (const [name, e] of Object.entries({ ...SEEDS, ...SAMPLES })) {
      const got = reports.filter((r) => r.fileName.startsWith(name));
      expect(got.length, name).toBeGreaterThanOrEqual(name.startsWith('seed') ? 3 : 1);
      for (const r of got) expect([r.agency, r.year, r.template], r.fileName).toEqual([e.agency, e.year, e.template]);
    }
  });

  it('keeps originals byte for byte', () => {
    for (const r of rt.archive.listReports({})) {
      const o = rt.archive.original(r.id)!;
      const src = readFileSync(r.sourcePath);
      expect(Buffer.compare(o.bytes, src), r.sourcePath).toBe(0);
      expect(o.sha256).toBe(createHash('sha256').update(src).digest('hex'));
    }
  });

  it('takes the same report in five files as one report with four other files, its tables from the Word file', () => {
    const item = byName(first, 'gb18030/seed-001.txt')!;
    expect(item.status).toBe('imported');
    const seed001 = rt.archive.listReports({}).filter((r) => r.agency === '宁波市科学技术局');
    expect(seed001.length).toBe(1); // UTF-8, GB18030, UTF-16LE, .docx, .doc: one report
    expect(seed001[0].otherFiles).toBe(4);
    expect(seed001[0].versions).toBe(1);
    expect(['docx', 'doc']).toContain(seed001[0].format);
    expect(seed001[0].status).toBe('error');
    const files = rt.archive.getReport(seed001[0].id)!.files!;
    expect(files.files.map((f) => f.form).sort()).toEqual(['Word', 'Word', '文本', '文本', '文本']);
    expect(files.files.filter((f) => !f.primary).every((f) => f.why?.startsWith('正文相同'))).toBe(true);
    // Every file but the first of each of the 12 versions (11 reports, 某市教育局 2024 in two) is another file of a report.
    expect(first.next).toEqual({ review: 1, copies: 20, versions: 1 });
  });

  it('reports a second import of the same files as duplicates and writes nothing', async () => {
    const again = await importPaths([join(dir, 'in/reports')]);
    expect(again.counts).toEqual({ imported: 0, duplicate: 32, skipped: 0, failed: 0 });
    expect(rt.archive.count()).toBe(11);
    expect(files()).toBe(32);
  });

  it('leaves nothing behind for failed files', () => {
    const db = rt.archive.db;
    const orphans = db.prepare('SELECT COUNT(*) AS n FROM originals o WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.sha256 = o.sha256)').get() as { n: number };
    expect(orphans.n).toBe(0);
    const cellsWithoutReport = db.prepare('SELECT COUNT(*) AS n FROM cells c WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = c.report_id)').get() as { n: number };
    expect(cellsWithoutReport.n).toBe(0);
  });

  it('rolls a report back whole when writing it fails halfway', () => {
    const before = rt.archive.count();
    const bad = { table: 't3' as const, row: 'new', col: 'total', value: { kind: 'number' as const, num: 1, raw: '1' }, source: 'x' };
    expect(() =>
      rt.archive.insertReport({
        sha256: 'f'.repeat(64),
        bytes: new Uint8Array([1, 2, 3]),
        fileName: 'half.txt',
        sourcePath: '/x/half.txt',
        format: 'txt',
        encoding: 'UTF-8',
        agency: 'A',
        agencyNorm: 'A',
        year: 2020,
        date: null,
        template: 'T2019',
        complete: true,
        status: 'ok',
        parts: [],
        notes: [],
        evidence: [],
        text: '',
        cells: [bad, bad], // the same cell twice: the second insert violates the primary key
        findings: [],
        parserVersion: 1,
      }),
    ).toThrow();
    expect(rt.archive.count()).toBe(before);
    expect(rt.archive.hasOriginal('f'.repeat(64))).toBeNull();
    expect((rt.archive.db.prepare('SELECT COUNT(*) AS n FROM originals WHERE sha256 = ?').get('f'.repeat(64)) as { n: number }).n).toBe(0);
  });

  it('removes a report with its cells and its original', () => {
    const r = rt.archive.getReport(first.items.find((i) => i.name === 'huaian-city-gov-2024.txt')!.reportId!)!;
    const sha = rt.archive.getReport(r.id)!.sha256;
    expect(rt.archive.removeReport(r.id)).toBe(true);
    expect(rt.archive.getReport(r.id)).toBeNull();
    expect(rt.archive.cellsOf(r.id)).toEqual([]);
    expect((rt.archive.db.prepare('SELECT COUNT(*) AS n FROM originals WHERE sha256 = ?').get(sha) as { n: number }).n).toBe(0);
  });
});
