// Review in the archive: agency aliases, cross-year checks, corrections that keep the
// original, re-checks, and corrections that survive removing and re-importing a file.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCsv } from '../../src/main/node/export/archive-export.ts';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';
import { appRequestHandler } from '../../src/main/node/print/app-request.ts';
import { createHandlers } from '../../src/main/node/services.ts';
import type { Handlers } from '../../src/shared/contract/index.ts';
import { REVIEW_RULES } from '../../src/shared/report/checks/review.ts';

const REVIEW_IDS = new Set(REVIEW_RULES.map((r) => r.id));

let rt: Runtime;
let api: Handlers;
let dir: string;
/** A file's id, whether or not it is the file its report is listed by. */
const idOf = (file: string) => (rt.archive.db.prepare('SELECT id FROM reports WHERE file_name = ?').get(file) as { id: number }).id;

async function importDir(path: string) {
  const id = rt.importer.start([path]);
  await rt.importer.wait(id);
  return rt.importer.status(id)!;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-review-'));
  cpSync(new URL('../fixtures/reports/samples', import.meta.url).pathname, join(dir, 'in'), { recursive: true });
  rt = openRuntime(join(dir, 'a.sqlite'));
  api = createHandlers({ archive: rt.archive, importer: rt.importer, pool: rt.pool, platform: { version: 't', chooseSources: async () => null, openPath: async () => '', saveFile: async () => null, chooseOutputFolder: async () => null, chooseArchiveFile: async () => null, chooseSpreadsheet: async () => null, renderPdf: async () => new Uint8Array(), printRoute: async () => '' } });
  await importDir(join(dir, 'in'));
});
afterAll(async () => rt?.close());

describe('cross-year checks on the 2021-format fixtures', () => {
  it('X1 and X2 fire on the erroneous 2024 report against the 2023 one, not on the consistent one', async () => {
    const st = await importDir(new URL('../fixtures/reports/t2021', import.meta.url).pathname);
    expect(st.counts.imported).toBe(7);
    const keys = (file: string) =>
      rt.archive
        .findingsOf(idOf(file))
        .filter((f) => f.rule.startsWith('X'))
        .map((f) => `${f.rule}:${f.cells[0].col === 'inForce' ? f.cells[0].row : f.cells[0].col}`)
        .sort();
    // 某市教育局's 2024 report in two versions (t2021-jiaoyu-2024 signed 2025-01-20, t2021-errors-2024
    // signed 2025-02-05): the later one is the report of record, read from its .docx; the years are
    // compared through the reports of record only.
    expect(keys('t2021-errors-2024.docx')).toEqual(['X1:natural', 'X1:total', 'X2:normative']);
    expect(rt.archive.getReport(idOf('t2021-errors-2024.docx'))).toMatchObject({ record: true, version: 2, versions: 2, otherFiles: 2 });
    expect(rt.archive.getReport(idOf('t2021-jiaoyu-2024.doc'))).toMatchObject({ record: false, version: 1, versions: 2 });
    expect(keys('t2021-jiaoyu-2024.doc')).toEqual([]);
    expect(keys('t2021-jiaoyu-2023.docx')).toEqual([]);
    // Removing the 2023 reports removes the comparison.
    for (const f of ['t2021-jiaoyu-2023.txt', 't2021-jiaoyu-2023.docx']) await api.removeReport({ id: idOf(f) });
    expect(keys('t2021-errors-2024.docx')).toEqual([]);
  });
});

describe('agency aliases and cross-year checks', () => {
  it('lists agencies and merges 洪泽区人民政府 into 淮安市洪泽区人民政府', async () => {
    const before = (await api.listAgencies({})).filter((a) => a.name.includes('淮安') || a.name.includes('洪泽'));
    expect(before.map((a) => [a.name, a.group, a.reports])).toEqual([
      ['洪泽区人民政府', '洪泽区人民政府', 1],
      ['淮安市人民政府', '淮安市人民政府', 1],
      ['淮安市洪泽区人民政府', '淮安市洪泽区人民政府', 1],
    ]);
    // Proposed, not applied: the two names differ only by 淮安市, the city 洪泽区 lies in.
    expect(before.find((a) => a.name === '洪泽区人民政府')!.suggestion).toMatchObject({ into: '淮安市洪泽区人民政府', why: '两个名称只差地名前缀“淮安市”' });
    expect(before.find((a) => a.name === '淮安市人民政府')!.suggestion).toBeUndefined();
    await api.mergeAgencies({ from: '洪泽区人民政府', into: '淮安市洪泽区人民政府' });
    const after = await api.listAgencies({});
    expect(after.find((a) => a.name === '洪泽区人民政府')!.group).toBe('淮安市洪泽区人民政府');
    // Filtering by the merged name finds both years.
    expect((await api.listReports({ agency: '淮安市洪泽区' })).map((r) => r.year).sort()).toEqual([2023, 2024]);
    // 2023 carried forward 0 and 2024 carried over 0; documents in force 5 + 3 − 0 = 8: consistent.
    expect(rt.archive.findingsOf(idOf('hongze-district-gov-2024.txt')).filter((f) => f.rule.startsWith('X'))).toEqual([]);
  });

  it('corrects a cell, keeps the original, re-checks, and X1 fires across the merged years', async () => {
    const id = idOf('hongze-district-gov-2024.txt');
    const d = await api.correctCell({ id, table: 't3', row: 'carry', col: 'natural', text: '2' });
    const cell = d.cells.find((c) => c.table === 't3' && c.row === 'carry' && c.col === 'natural')!;
    expect(cell.value).toMatchObject({ kind: 'number', num: 2 });
    expect(cell.original).toMatchObject({ kind: 'number', num: 0 });
    expect(d.corrections).toEqual([expect.objectContaining({ target: 'cell:t3|carry|natural', value: expect.objectContaining({ num: 2 }) })]);
    // The tables' rules (the 年报体检 reading of the text has its own tests).
    const rules = d.findings.filter((f) => !REVIEW_IDS.has(f.rule)).map((f) => `${f.rule}:${f.cells[0]?.col ?? ''}`).sort();
    // R1 and R2 now fail in that row/column, and X1 against 2023's 结转下年度 (0).
    expect(rules).toEqual(['R1:natural', 'R2:total', 'X1:natural']);
    expect(d.status).toBe('error');
    expect(d.findings.find((f) => f.rule === 'X1')!.message).toContain('而2023年度报告“四、结转下年度继续办理”为0');
    expect([...exportCsv(rt.archive)].join('')).toContain('hongze-district-gov-2024.txt,淮安市洪泽区人民政府,2024,T2021,申请处理,二、上年结转政府信息公开申请数量,自然人,2');
  });

  it('unmerging separates the years again', async () => {
    await api.unmergeAgency({ alias: '洪泽区人民政府' });
    const d = await api.getReport({ id: idOf('hongze-district-gov-2024.txt') });
    expect(d!.findings.some((f) => f.rule === 'X1')).toBe(false);
    await api.mergeAgencies({ from: '洪泽区人民政府', into: '淮安市洪泽区人民政府' });
  });

  it('merging a name already in one group into another recomputes the group it left', async () => {
    const y2024 = idOf('hongze-district-gov-2024.txt');
    expect((await api.getReport({ id: y2024 }))!.findings.some((f) => f.rule === 'X1')).toBe(true);
    // 洪泽区人民政府 (2023) leaves 淮安市洪泽区人民政府's group: 2024 has no previous year there any more.
    await api.mergeAgencies({ from: '洪泽区人民政府', into: '淮安市人民政府' });
    expect((await api.getReport({ id: y2024 }))!.findings.some((f) => f.rule === 'X1')).toBe(false);
    await api.unmergeAgency({ alias: '洪泽区人民政府' });
    await api.mergeAgencies({ from: '洪泽区人民政府', into: '淮安市洪泽区人民政府' });
  });

  it('reverting puts the parsed value back', async () => {
    const id = idOf('hongze-district-gov-2024.txt');
    const d = await api.revertCorrection({ id, target: 'cell:t3|carry|natural' });
    expect(d.corrections).toEqual([]);
    expect(d.cells.find((c) => c.row === 'carry' && c.col === 'natural')).toMatchObject({ value: { num: 0 } });
    expect(d.cells.find((c) => c.row === 'carry' && c.col === 'natural')!.original).toBeUndefined();
    // Left with the 体检 提醒 alone (part 五 says nothing of last year's problems): advice, not a status.
    expect(d.findings.map((f) => f.rule)).toEqual(['O3']);
    expect(d.status).toBe('ok');
  });

  it('corrects agency and year, and a re-imported file keeps its corrections', async () => {
    let id = idOf('huaian-city-gov-2024.txt');
    let d = await api.correctMeta({ id, agency: '淮安市人民政府办公室' });
    expect(d.agency).toBe('淮安市人民政府办公室');
    d = await api.correctCell({ id, table: 't2', row: 'fees', col: 'feeAmount', text: '/' });
    expect(d.cells.find((c) => c.row === 'fees')!.value).toMatchObject({ kind: 'mark', raw: '/' });
    await expect(async () => api.correctCell({ id, table: 't3', row: 'new', col: 'total', text: '三十' })).rejects.toThrow(/不是数字/);

    await api.removeReport({ id });
    const again = await importDir(join(dir, 'in'));
    expect(again.counts.imported).toBe(1);
    expect(again.items.find((i) => i.status === 'imported')!.message).toContain('已沿用此前对该文件的2处人工更正');
    id = idOf('huaian-city-gov-2024.txt');
    d = (await api.getReport({ id }))!;
    expect(d.agency).toBe('淮安市人民政府办公室');
    expect(d.cells.find((c) => c.row === 'fees')!.value).toMatchObject({ kind: 'mark', raw: '/' });
    expect(d.cells.find((c) => c.row === 'fees')!.original).toMatchObject({ kind: 'number', num: 96171.6 });
  });
});

describe('what a printed sheet may call', () => {
  it('reads what it prints and is refused anything else', async () => {
    const asSheet = appRequestHandler(api, join(dir, 'no-renderer'), 'sheet');
    const call = async (name: string, args: object) => JSON.parse(String((await asSheet('POST', `/api/${name}`, JSON.stringify(args), 'application/json')).body));
    const id = idOf('huaian-city-gov-2024.txt');
    expect((await call('getReport', { id })).value.fileName).toBe('huaian-city-gov-2024.txt');
    expect(await call('removeReport', { id })).toEqual({ ok: false, error: '拒绝来自未知页面的调用' });
    expect(await call('correctCell', { id, table: 't3', row: 'new', col: 'total', text: '1' })).toEqual({ ok: false, error: '拒绝来自未知页面的调用' });
    expect(rt.archive.getReport(id)).not.toBeNull();
  });
});

describe('copies opened with 打开原文件', () => {
  it('go into one folder that the app empties when it starts and quits', async () => {
    const { existsSync, readdirSync } = await import('node:fs');
    const { OPEN_COPIES, removeOpenCopies } = await import('../../src/main/node/services.ts');
    const opened: string[] = [];
    const withOpen = createHandlers({ archive: rt.archive, importer: rt.importer, pool: rt.pool, platform: { version: 't', chooseSources: async () => null, openPath: async (p) => (opened.push(p), ''), saveFile: async () => null, chooseOutputFolder: async () => null, chooseArchiveFile: async () => null, chooseSpreadsheet: async () => null, renderPdf: async () => new Uint8Array(), printRoute: async () => '' } });
    expect(await withOpen.openOriginal({ id: idOf('huaian-city-gov-2024.txt') })).toEqual({ opened: true });
    expect(opened[0].startsWith(OPEN_COPIES)).toBe(true);
    expect(readdirSync(OPEN_COPIES).length).toBeGreaterThan(0);
    removeOpenCopies();
    expect(existsSync(OPEN_COPIES)).toBe(false);
  });
});
