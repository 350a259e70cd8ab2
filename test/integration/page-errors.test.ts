// Every error a contract call returns to the page is Chinese: bad arguments, a body that is no
// JSON, and a failure deep in a service (SQLite's, the engine's English) all come back as the
// generic Chinese messages, their technical text logged; a service's own Chinese reason is kept.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRequestHandler } from '../../src/main/node/print/app-request.ts';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';
import { createHandlers } from '../../src/main/node/services.ts';
import { dispatch } from '../../src/shared/contract/dispatch.ts';
import { BAD_REQUEST, FAILED, PAGE_METHODS, pageError, type Handlers } from '../../src/shared/contract/index.ts';

let rt: Runtime;
let api: Handlers;
let dir: string;
const logged: string[] = [];
const log = (method: string, text: string) => logged.push(`${method}: ${text}`);
const LATIN = /[A-Za-z]/;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-errors-'));
  cpSync(new URL('../fixtures/reports/samples', import.meta.url).pathname, join(dir, 'in'), { recursive: true });
  rt = openRuntime(join(dir, 'a.sqlite'));
  api = createHandlers({ archive: rt.archive, importer: rt.importer, pool: rt.pool, platform: { version: 't', chooseSources: async () => null, openPath: async () => '', saveFile: async () => null, chooseOutputFolder: async () => null, chooseArchiveFile: async () => null, chooseSpreadsheet: async () => null, renderPdf: async () => new Uint8Array(), printRoute: async () => '' } });
  await rt.importer.wait(rt.importer.start([join(dir, 'in')]));
});
afterAll(async () => rt?.close());

describe('errors the page reads', () => {
  it('are Chinese for every method given arguments it cannot take', async () => {
    for (const name of PAGE_METHODS) {
      for (const args of [{ zzz: 1 }, 'x', [], 42, { id: 'one', ids: [-1], year: 1e9, text: 7, paths: '/' }]) {
        const env = await dispatch(api, name, args, log);
        expect(env.ok, `${name} ${JSON.stringify(args)}`).toBe(false);
        if (!env.ok) expect(env.error, `${name} ${JSON.stringify(args)}`).not.toMatch(LATIN);
      }
    }
    expect(logged.some((l) => /Unrecognized key|expected/i.test(l))).toBe(true);
  });

  it('are Chinese when the body is no JSON, or the method no method', async () => {
    const handle = appRequestHandler(api, join(dir, 'no-renderer'));
    for (const [path, body] of [
      ['/api/getReport', '{"id": 1'],
      ['/api/getReport', '\u0000\u00ff'],
      ['/api/nope', '{}'],
      ['/api/__proto__', '{}'],
      ['/api/constructor', '{}'],
    ] as const) {
      const r = await handle('POST', path, body, 'application/json');
      const env = JSON.parse(String(r.body)) as { ok: boolean; error: string };
      expect(env.ok, path).toBe(false);
      expect(env.error, `${path} ${body}`).not.toMatch(LATIN);
    }
  });

  it('keep a service\'s own Chinese reason, quoted words and all', async () => {
    const id = rt.archive.listReports({})[0]!.id;
    const env = await dispatch(api, 'correctCell', { id, table: 't3', row: 'new', col: 'total', text: 'not a number' }, log);
    expect(env).toEqual({ ok: false, error: '“not a number”不是数字，也不是“/”“—”之类的标记；留空表示空白格' });
    expect(await dispatch(api, 'correctMetaMany', { ids: [id] }, log)).toEqual({ ok: false, error: `${BAD_REQUEST}：单位和年度至少填一项` });
  });

  it('are Chinese when SQLite or the engine fails inside a service', async () => {
    const other = openRuntime(join(dir, 'b.sqlite'));
    const handlers = createHandlers({ archive: other.archive, importer: other.importer, pool: other.pool, platform: { version: 't' } as never });
    try {
      // A table gone (a damaged archive): SQLite's "no such table".
      other.archive.db.exec('DROP TABLE reports');
      logged.length = 0;
      const env = await dispatch(handlers, 'listReports', {}, log);
      expect(env).toEqual({ ok: false, error: FAILED });
      expect(logged.join('\n')).toMatch(/no such table/);
      // The engine's TypeError: a platform that lacks what the service calls.
      const env2 = await dispatch(handlers, 'chooseImportSources', { kind: 'folder' }, log);
      expect(env2).toEqual({ ok: false, error: FAILED });
      expect(logged.join('\n')).toMatch(/TypeError/);
    } finally {
      await other.close().catch(() => undefined);
    }
  });
});

describe('what a service says the system could not do', () => {
  it('keeps the desktop\'s English out of the message', async () => {
    const other = openRuntime(join(dir, 'c.sqlite'));
    const platform = { version: 't', openPath: async () => 'No application is associated with the specified file for this operation.' };
    const handlers = createHandlers({ archive: other.archive, importer: other.importer, pool: other.pool, platform: platform as never });
    try {
      await other.importer.wait(other.importer.start([join(dir, 'in')]));
      const r = await handlers.openOriginal({ id: other.archive.listReports({})[0]!.id });
      expect(r).toEqual({ opened: false, message: '无法打开原文件（详细原因已记入日志）' });
      const chinese = createHandlers({ archive: other.archive, importer: other.importer, pool: other.pool, platform: { ...platform, openPath: async () => '没有关联的程序' } as never });
      expect((await chinese.openOriginal({ id: other.archive.listReports({})[0]!.id })).message).toBe('无法打开原文件：没有关联的程序');
    } finally {
      await other.close();
    }
  });
});

describe('pageError', () => {
  it('keeps the Chinese head of a message whose tail is the system\'s English', () => {
    expect(pageError(new Error('无法打开原文件：No application knows how to open this file'))).toEqual({ message: '无法打开原文件（详细原因已记入日志）', log: 'Error: 无法打开原文件：No application knows how to open this file' });
    expect(pageError(new Error('生成 PDF 失败：Target page, context or browser has been closed')).message).toBe('生成 PDF 失败（详细原因已记入日志）');
    expect(pageError(new Error('导出的 Excel 文件已保存')).message).toBe('导出的 Excel 文件已保存');
    for (const e of [new SyntaxError('Unexpected token } in JSON at position 7'), new Error('SQLITE_BUSY: database is locked'), new TypeError('中文也不行'), 'a string', null, undefined, new Error('ENOENT')])
      expect(pageError(e).message, String(e)).toBe(FAILED);
  });
});
