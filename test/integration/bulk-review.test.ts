// Reviewing many reports at once: one agency and/or year for a selection, undone as a whole;
// the 待确认 list (agency or year missing, or read from the file name only); names suggested
// from part of the name or its pinyin initials; agencies in pinyin order.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';
import { createHandlers } from '../../src/main/node/services.ts';
import type { Handlers } from '../../src/shared/contract/index.ts';

let rt: Runtime;
let api: Handlers;
const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const idOf = (file: string) => rt.archive.listReports({}).find((r) => r.fileName === file)!.id;
const SCAN = '洪泽区人民政府2024年政府信息公开工作年度报告（扫描件）.pdf';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bulk-'));
  cpSync(join(fixtures, 'reports/utf8'), join(dir, 'in/utf8'), { recursive: true });
  cpSync(join(fixtures, 'reports/samples'), join(dir, 'in/samples'), { recursive: true });
  cpSync(join(fixtures, 'scan', SCAN), join(dir, 'in/scan', SCAN)); // the one real scan, not the scan corpus beside it
  // Real reports with blank cells: 有提醒, not 有错误.
  for (const r of ['pt-gwh-2019', 'pt-czj-2023', 'pt-jtj-2022']) cpSync(join(fixtures, 'real', r, 'page.txt'), join(dir, 'in/real', `${r}.txt`));
  rt = openRuntime(join(dir, 'a.sqlite'));
  await rt.importer.wait(rt.importer.start([join(dir, 'in')]));
  const none = async () => null;
  api = createHandlers({
    archive: rt.archive,
    importer: rt.importer,
    pool: rt.pool,
    platform: { version: 't', chooseSources: none, openPath: async () => '', saveFile: none, chooseOutputFolder: none, chooseArchiveFile: none, chooseSpreadsheet: none, renderPdf: async () => new Uint8Array(), printRoute: async () => '' },
  });
});
afterAll(async () => rt?.close());

describe('待确认', () => {
  it('lists the scan, whose agency and year come from its file name only, and nothing read from a text', async () => {
    const waiting = await api.listReports({ review: true });
    expect(waiting.map((r) => [r.fileName, r.review])).toEqual([
      [SCAN, [`单位只取自文件名（“${SCAN}”）`, `年度只取自文件名（“${SCAN}”）`]],
    ]);
  });

  it('is settled by confirming the values as they are, and comes back on undo', async () => {
    const scan = (await api.listReports({})).find((r) => r.fileName === SCAN)!;
    const r = await api.correctMetaMany({ ids: [scan.id], agency: scan.agency!, year: scan.year! });
    expect(r.changed).toBe(1);
    expect(await api.listReports({ review: true })).toEqual([]);
    const d = (await api.getReport({ id: scan.id }))!;
    expect(d.agency).toBe('洪泽区人民政府');
    expect(d.corrections.map((c) => [c.target, c.original, c.value])).toEqual([
      ['meta:agency', '洪泽区人民政府', '洪泽区人民政府'],
      ['meta:year', 2024, 2024],
    ]);
    expect(await api.undoMetaMany({ undo: r.undo })).toEqual({ undone: 1, agency: { reports: 1, values: ['洪泽区人民政府'] }, year: { reports: 1, values: [2024] } });
    expect((await api.listReports({ review: true })).map((x) => x.fileName)).toEqual([SCAN]);
    expect((await api.getReport({ id: scan.id }))!.corrections).toEqual([]);
  });
});

describe('one agency for many reports', () => {
  it('sets it on three reports at once, and undo puts each back as it was, earlier corrections included', async () => {
    const ids = ['seed-000.txt', 'seed-001.txt', 'seed-002.txt'].map(idOf);
    const before = await Promise.all(ids.map((id) => api.getReport({ id })));
    // One of them already carries a correction: undo must bring that record back, not the parsed name.
    await api.correctMeta({ id: ids[1], agency: '宁波市科技局' });
    const earlier = (await api.getReport({ id: ids[1] }))!.corrections[0];
    const r = await api.correctMetaMany({ ids, agency: '宁波市某某局', year: 2019 });
    expect(r.changed).toBe(3);
    for (const id of ids) expect((await api.getReport({ id }))!).toMatchObject({ agency: '宁波市某某局', year: 2019 });
    // One unit's report of one year now, in three versions (their texts differ): listed once.
    const listed = await api.listReports({ agency: '某某局' });
    expect(listed.length).toBe(1);
    expect(listed[0].versions).toBe(3);

    await api.undoMetaMany({ undo: r.undo });
    const after = await Promise.all(ids.map((id) => api.getReport({ id })));
    expect(after.map((d) => [d!.agency, d!.year])).toEqual([
      [before[0]!.agency, before[0]!.year],
      ['宁波市科技局', before[1]!.year],
      [before[2]!.agency, before[2]!.year],
    ]);
    expect(after[0]!.corrections).toEqual([]);
    expect(after[1]!.corrections).toEqual([earlier]);
    await expect(async () => api.undoMetaMany({ undo: r.undo })).rejects.toThrow('这次修改已无法撤销');
  });

  it('undoes a change applied twice (Enter pressed twice) back to where the first found it, and says what it restored', async () => {
    const ids = ['seed-004.txt', 'pt-gwh-2019.txt'].map(idOf);
    const before = await Promise.all(ids.map(async (id) => (await api.getReport({ id }))!));
    await api.correctMetaMany({ ids, agency: '宁波市双击局' });
    const second = await api.correctMetaMany({ ids, agency: '宁波市双击局' });
    const undone = await api.undoMetaMany({ undo: second.undo });
    const after = await Promise.all(ids.map(async (id) => (await api.getReport({ id }))!));
    expect(after.map((d) => d.agency)).toEqual(before.map((d) => d.agency));
    expect(after.map((d) => d.corrections)).toEqual(before.map((d) => d.corrections));
    expect(undone).toEqual({ undone: 2, agency: { reports: 2, values: [...new Set(before.map((d) => d.agency!))] } });
  });

  it('undoes the second of two different changes back to the first', async () => {
    const ids = ['pt-czj-2023.txt', 'pt-jtj-2022.txt'].map(idOf);
    await api.correctMetaMany({ ids, agency: '宁波市甲局' });
    const second = await api.correctMetaMany({ ids, agency: '宁波市乙局', year: 2018 });
    expect(await api.undoMetaMany({ undo: second.undo })).toMatchObject({ undone: 2, agency: { reports: 2, values: ['宁波市甲局'] } });
    for (const id of ids) expect((await api.getReport({ id }))!.agency).toBe('宁波市甲局');
  });

  it('records only what changed when one report’s agency is corrected', async () => {
    const id = idOf('seed-003.txt');
    const d = (await api.getReport({ id }))!;
    await api.correctMeta({ id, agency: `${d.agency}（核）`, year: d.year! });
    expect((await api.getReport({ id }))!.corrections.map((c) => c.target)).toEqual(['meta:agency']);
  });

  it('refuses a change that sets nothing', async () => {
    const { parseArgs } = await import('../../src/shared/contract/index.ts');
    expect(() => parseArgs('correctMetaMany', { ids: [1] })).toThrow(/单位和年度至少填一项/);
  });
});

describe('names and order', () => {
  it('suggests agencies from part of the name, its pinyin initials or its pinyin', async () => {
    const names = async (text: string) => (await api.suggestAgencies({ text })).map((s) => s.name);
    expect(await names('洪泽')).toEqual(['洪泽区人民政府', '淮安市洪泽区人民政府']);
    expect(await names('hzq')).toEqual(['洪泽区人民政府', '淮安市洪泽区人民政府']);
    expect(await names('hasrm')).toEqual(['淮安市人民政府']);
    expect(await names('huaian')).toEqual(expect.arrayContaining(['淮安市人民政府', '淮安市洪泽区人民政府']));
    expect(await names('xyz')).toEqual([]);
  });

  it('puts the name exactly as typed first, before longer names with more reports', async () => {
    const many = await api.correctMetaMany({ ids: ['seed-000.txt', 'seed-001.txt', 'seed-002.txt'].map(idOf), agency: '宁波市某局办公室' });
    const one = await api.correctMetaMany({ ids: [idOf('seed-003.txt')], agency: '宁波市某局' });
    expect((await api.suggestAgencies({ text: '宁波市某局' })).map((s) => s.name)).toEqual(['宁波市某局', '宁波市某局办公室']);
    await api.undoMetaMany({ undo: one.undo });
    await api.undoMetaMany({ undo: many.undo });
  });

  it('sorts agencies by pinyin, not by code point', async () => {
    const agencies = [...new Set((await api.listReports({ sort: 'agency' })).map((r) => r.agency ?? ''))];
    // 洪 (hong) before 淮 (huai) before 宁 (ning), which code points would put 宁 < 洪 < 淮.
    const first = (s: string) => agencies.findIndex((a) => a!.startsWith(s));
    expect(first('洪泽') < first('淮安') && first('淮安') < first('宁波')).toBe(true);
  });

  it('filters by one status: 有错误 apart from 解析不完整 and 有提醒', async () => {
    const count = async (status: 'error' | 'incomplete' | 'warning' | 'ok' | 'problems') => (await api.listReports({ status })).length;
    const all = (await api.listReports({})).length;
    const [error, incomplete, warning, ok, problems] = await Promise.all((['error', 'incomplete', 'warning', 'ok', 'problems'] as const).map(count));
    expect(error).toBeGreaterThan(0);
    expect(incomplete).toBeGreaterThan(0);
    expect(problems).toBe(error + incomplete + warning);
    expect(problems + ok).toBe(all);
    expect((await api.listReports({ status: 'error' })).every((r) => r.status === 'error')).toBe(true);
    expect((await api.listReports({ onlyProblems: true })).length).toBe(problems);
  });
});
