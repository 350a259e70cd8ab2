// 原文截图 on the 自查 sheet: a draft is not stored, so the original of one of its cells is read
// again in main from the path granted for the check (by the check's token and the file's index,
// never a path from the page), and only while the file is still the one that was checked.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/shared/contract/dispatch.ts';
import { mayCall, type Handlers, type SelfCheck } from '../../src/shared/contract/index.ts';
import { allChecks } from '../../src/shared/report/checks/index.ts';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';
import { createHandlers } from '../../src/main/node/services.ts';
import { quietPlatform } from '../helpers/platform.ts';

const fixture = (p: string) => new URL(`../fixtures/${p}`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'nianbao-selfcheck-original-'));
const draft = join(dir, '君山片区2023年报.pdf');
let rt: Runtime;
let h: Handlers;
let answer: string[] | null = null;
let check: SelfCheck;

beforeAll(async () => {
  rt = openRuntime(join(dir, 'archive.sqlite'), undefined, 1);
  h = createHandlers({ archive: rt.archive, importer: rt.importer, pool: rt.pool, platform: quietPlatform({ chooseSources: async () => answer }) });
  copyFileSync(fixture('real/pt-jsp-2023/report.pdf'), draft);
  answer = [draft];
  const grant = await h.chooseImportSources({ kind: 'files', purpose: 'check' });
  check = await h.selfCheck({ grant: grant!.grant });
  // The misreading reading-doubt.test.ts stores (本年新收 总计 read 7 where the page prints 2), put
  // in the kept check as the reader would have read it, and the draft checked again.
  const f = check.files[0];
  if (!f.ok) throw new Error(f.message);
  f.cells = f.cells.map((c) => (c.table === 't3' && c.row === 'new' && c.col === 'total' ? { ...c, value: { kind: 'number', num: 7, raw: '7' } } : c));
  f.findings = allChecks({ ...f, text: '' });
});
afterAll(async () => rt?.close());

describe('the original of a self-checked draft’s cell', () => {
  it('answers a PDF draft’s disputed cell with its page and box, read again from the granted path', async () => {
    const f = check.files[0];
    if (!f.ok) throw new Error(f.message);
    const disputed = f.findings.find((x) => x.fault === 'reading' && x.cells.some((c) => c.table === 't3' && c.row === 'new' && c.col === 'total'));
    expect(disputed, JSON.stringify(f.findings.map((x) => [x.rule, x.fault]))).toBeDefined();
    const o = await h.selfCheckOriginal({ token: check.token, file: 0, table: 't3', row: 'new', col: 'total' });
    if (o.kind !== 'pdf') throw new Error(JSON.stringify(o));
    expect([o.fileName, o.file, o.page]).toEqual(['君山片区2023年报.pdf', 0, 2]);
    // 本年新收 总计 stands right of 自然人 (243–414 points), in the row of 本年新收.
    const [x0, y0, x1, y1] = o.box!;
    expect(x0).toBeGreaterThan(413);
    expect(x1).toBeGreaterThan(x0);
    expect(y1 - y0).toBeGreaterThan(10);
    expect(Buffer.from(o.data!, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // The sheet holding the bytes asks only where the next cell is.
    const again = await h.selfCheckOriginal({ token: check.token, file: 0, table: 't3', row: 'new', col: 'natural', bytes: false });
    expect(again).toMatchObject({ kind: 'pdf', page: 2 });
    expect('data' in again).toBe(false);
  });

  it('is read-only for the printed sheet, validated in main, and names no path', async () => {
    expect(mayCall('sheet', 'selfCheckOriginal')).toBe(true);
    expect(await dispatch(h, 'selfCheckOriginal', { token: check.token, file: 0, table: 't3', row: 'new', col: 'total', path: draft })).toMatchObject({ ok: false });
    expect(await dispatch(h, 'selfCheckOriginal', { token: check.token, file: -1, table: 't3', row: 'new', col: 'total' })).toMatchObject({ ok: false });
    expect(await h.selfCheckOriginal({ token: check.token, file: 5, table: 't3', row: 'new', col: 'total' })).toEqual({ kind: 'none', why: '这个文件没有读出报告' });
    expect(await dispatch(h, 'selfCheckOriginal', { token: 'AAAAAAAAAAAAAAAA', file: 0, table: 't3', row: 'new', col: 'total' })).toMatchObject({ ok: false, error: expect.stringContaining('这次自查的结果已不在') });
  });

  it('says so when the draft changed after the check, rather than showing another file', async () => {
    writeFileSync(draft, 'not the draft any more');
    expect(await h.selfCheckOriginal({ token: check.token, file: 0, table: 't3', row: 'new', col: 'total' })).toEqual({ kind: 'none', why: '文件自查后已改动，请重新自查' });
  });
});
