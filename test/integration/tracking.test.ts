// 整改跟踪 through the services: a 审核意见 written (saved, printed, for the year) is recorded; the
// unit's revised version imported puts each listed finding in its state (已整改 / 未整改), the
// clerk's 不再适用 with its reason, the new findings; the year's list, its .xlsx, 态势's counts, the
// report page's marks and the 再次审核意见. The report is the real-layout t2021-errors-2024 and its
// revision (fixtures/revised-report.ts).
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overview } from '../../src/main/node/archive/overview.ts';
import { createHandlers } from '../../src/main/node/services.ts';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';
import type { Handlers } from '../../src/shared/contract/index.ts';
import { localDay } from '../../src/shared/dates.ts';
import { FIRST_DRAFT, revisedText } from '../fixtures/revised-report.ts';

let rt: Runtime;
let dir: string;
let api: Handlers;
const saved: { name: string; bytes: Uint8Array }[] = [];
let folder: string | null = null;

async function importFiles(...paths: string[]) {
  await rt.importer.wait(rt.importer.start(paths));
}
const idOf = (name: string) => (rt.archive.db.prepare('SELECT id FROM reports WHERE file_name = ?').get(name) as { id: number }).id;
const count = (sql: string) => rt.archive.db.prepare(sql).pluck().get() as number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-tracking-'));
  copyFileSync(FIRST_DRAFT, join(dir, '初稿.txt'));
  writeFileSync(join(dir, '第二稿.txt'), revisedText());
  rt = openRuntime(join(dir, 'a.sqlite'));
  api = createHandlers({
    archive: rt.archive,
    importer: rt.importer,
    pool: rt.pool,
    platform: {
      version: 't',
      chooseSources: async () => null,
      openPath: async () => '',
      saveFile: async (bytes, name) => (saved.push({ name, bytes }), join(dir, name)),
      chooseOutputFolder: async () => folder,
      chooseArchiveFile: async () => null,
      chooseSpreadsheet: async () => null,
      renderPdf: async () => new Uint8Array([1]),
      printRoute: async () => '',
    },
  });
  await importFiles(join(dir, '初稿.txt'));
});
afterAll(async () => rt?.close());

describe('整改跟踪', () => {
  it('records a notice when it is saved or printed, not when previewed; the same day again updates it', async () => {
    const id = idOf('初稿.txt');
    await api.printSheet({ sheet: 'notice', id, deadline: '2025-02-20', action: 'preview' });
    expect(count('SELECT COUNT(*) FROM notices')).toBe(0);
    await api.saveNotice({ id, format: 'docx', deadline: '2025-02-20' });
    await api.printSheet({ sheet: 'notice', id, deadline: '2025-02-28', action: 'print' });
    await api.saveNotice({ id, format: 'pdf', deadline: '2025-02-28' });
    folder = join(dir, 'out');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    expect(await api.saveNotices({ year: 2024, deadline: '2025-02-28' })).toEqual({ written: 1, folder });
    const rows = rt.archive.db.prepare('SELECT report_id, sha256, version, day, deadline FROM notices').all();
    expect(rows).toEqual([{ report_id: id, sha256: rt.archive.getReport(id)!.sha256, version: 1, day: localDay(), deadline: '2025-02-28' }]);
    const d = (await api.getReport({ id }))!;
    // Every finding the notice listed, by its key, with its rule and message as written.
    const listed = rt.archive.db.prepare('SELECT key, rule, message FROM notice_findings ORDER BY no').all() as { key: string; rule: string; message: string }[];
    expect(listed.map((f) => f.rule).sort()).toEqual(d.findings.map((f) => f.rule).sort());
    expect(listed.find((f) => f.rule === 'N1')!.message).toMatch(/^正文写“共收到政府信息公开申请20件”/);
    // Not revised yet: all open, and the page marks them.
    expect(d.rectification).toMatchObject({ noticedId: id, sent: localDay(), deadline: '2025-02-28' });
    expect(d.rectification!.findings.every((f) => f.state === '未整改')).toBe(true);
    const t = await api.tracking({ year: 2024 });
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]).toMatchObject({ agency: '某市教育局', reportId: id, version: 1, notices: 1, revised: null, open: listed.length, fixed: 0 });
    // Overdue once the deadline has passed (the deadline is in 2025; today is later).
    expect(t.rows[0].overdue).toBe(localDay() > '2025-02-28');
  });

  it('puts each listed finding in its state once the revised version arrives', async () => {
    await importFiles(join(dir, '第二稿.txt'));
    const first = idOf('初稿.txt');
    const second = idOf('第二稿.txt');
    expect(rt.archive.getReport(second)).toMatchObject({ version: 2, record: true });
    const t = await api.tracking({ year: 2024 });
    const row = t.rows[0];
    expect(row).toMatchObject({ reportId: first, revised: { id: second, version: 2, day: localDay() }, overdue: false, fixed: 4, dismissed: 0, fresh: 1 });
    expect(row.findings.filter((f) => f.state === '已整改').map((f) => f.rule).sort()).toEqual(['C3', 'K2', 'N1', 'R3']);
    expect(row.open).toBe(row.findings.length - 4);
    // The revised version's page marks what is still open of the notice.
    const d = (await api.getReport({ id: second }))!;
    expect(d.rectification).toMatchObject({ noticedId: first, noticedVersion: 1 });
    expect(d.rectification!.findings.filter((f) => f.state === '未整改').length).toBe(row.open);
  });

  it('takes the clerk’s 不再适用 with its reason, and undoes it', async () => {
    const { noticeId, findings } = (await api.tracking({ year: 2024 })).rows[0];
    const w3 = findings.find((f) => f.rule === 'W3')!;
    const t = await api.dismissFinding({ noticeId, key: w3.key, reason: '统计期限已在报告标题中写明', year: 2024 });
    expect(t.rows[0]).toMatchObject({ dismissed: 1, open: findings.filter((f) => f.state === '未整改').length - 1 });
    expect(t.rows[0].findings.find((f) => f.key === w3.key)).toMatchObject({ state: '不再适用', dismissed: '统计期限已在报告标题中写明' });
    const back = await api.dismissFinding({ noticeId, key: w3.key, reason: null, year: 2024 });
    expect(back.rows[0].findings.find((f) => f.key === w3.key)).toMatchObject({ state: '未整改', dismissed: null });
    expect(() => api.dismissFinding({ noticeId, key: 'X9##', reason: '无', year: 2024 })).toThrow('这份审核意见中没有这一问题');
    await api.dismissFinding({ noticeId, key: w3.key, reason: '统计期限已在报告标题中写明', year: 2024 });
  });

  it('counts it in 态势 and writes the .xlsx', async () => {
    const row = (await api.tracking({ year: 2024 })).rows[0];
    expect(overview(rt.archive, 2024).rectification).toEqual({ notices: 1, revised: 1, fixed: 4, open: row.open });
    // A region's 态势 counts its own units only.
    expect(overview(rt.archive, 2024, '平潭综合实验区').rectification).toEqual({ notices: 0, revised: 0, fixed: 0, open: 0 });
    saved.length = 0;
    expect(await api.exportTracking({ year: 2024 })).toMatchObject({ saved: true });
    expect(saved[0].name).toBe('2024年度年报审核意见整改跟踪表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(saved[0].bytes as unknown as ArrayBuffer);
    const units = wb.getWorksheet('各单位整改情况')!;
    expect(units.getRow(1).values).toEqual([undefined, '单位', '审核稿次', '审核意见日期', '整改期限', '修改稿', '修改稿导入日期', '未整改', '已整改', '不再适用', '新问题', '状态']);
    expect(units.getRow(2).values).toEqual([undefined, '某市教育局', '第1稿', localDay(), '2025-02-28', '第2稿', localDay(), row.open, 4, 1, 1, '仍有未整改']);
    const items = wb.getWorksheet('审核意见所列问题')!;
    expect(items.rowCount).toBe(1 + row.findings.length);
    expect(items.getColumn(5).values.filter((v) => v === '不再适用')).toHaveLength(1);
    await expect(api.exportTracking({ year: 2023 })).rejects.toThrow('2023年度还没有生成过审核意见');
  });

  it('writes the 再次审核意见 on the revised version: only what is open and new, what was fixed said', async () => {
    const second = idOf('第二稿.txt');
    saved.length = 0;
    await api.saveNotice({ id: second, format: 'docx', deadline: '2025-03-10' });
    const mammoth = (await import('mammoth')).default;
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(saved[0].bytes) })).value;
    expect(html).toContain('的再次审核意见</p>');
    expect(html).toMatch(/审核意见所列15处问题，已整改4处，1处不再要求修改；经再次审核，仍有10处未整改，另新发现1处问题/);
    expect(html).toContain('<p>已整改的问题：</p>');
    // Recorded for the revised version: the year's row is now this notice, with nothing later yet.
    const t = await api.tracking({ year: 2024 });
    expect(t.rows[0]).toMatchObject({ reportId: second, version: 2, notices: 2, revised: null, deadline: '2025-03-10', open: 11, fixed: 0 });
  });
});
