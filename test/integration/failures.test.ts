// Failures that are not the file's: damaged .doc structures that once made a reader run out of
// memory, a full disk, a file another process stored meanwhile. Each gets its Chinese reason,
// the import goes on or stops cleanly, and no library or SQLite English reaches the user.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';
import { Importer } from '../../src/main/node/import/importer.ts';
import { ParsePool } from '../../src/main/node/import/pool.ts';
import { defaultWorkerUrl } from '../../src/main/node/runtime.ts';
import { storageFailure } from '../../src/main/node/import/reasons.ts';
import { damagedDocs } from '../helpers/ole-damage.ts';
import { importEndLine } from '../../src/cli/import-end.ts';
import { hostilePdfs, lyingDocx } from '../helpers/bombs.ts';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
let rt: Runtime | undefined;
afterEach(async () => {
  await rt?.close();
  rt = undefined;
});

async function run(paths: string[]) {
  const id = rt!.importer.start(paths);
  await rt!.importer.wait(id);
  return rt!.importer.status(id)!;
}

describe('damaged .doc structures', () => {
  it('refuses a looping or out-of-file sector chain before the reader follows it, and the import goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-ole-'));
    mkdirSync(join(dir, 'in'));
    const damaged = damagedDocs(new Uint8Array(readFileSync(join(fixtures, 'reports/word/seed-001.doc'))));
    for (const [name, bytes] of Object.entries(damaged)) writeFileSync(join(dir, 'in', name), bytes);
    cpSync(join(fixtures, 'reports/word/seed-004.doc'), join(dir, 'in', 'zz-good.doc'));
    rt = openRuntime(join(dir, 'archive.sqlite'));
    const s = await run([join(dir, 'in')]);
    expect(s.counts).toEqual({ imported: 1, duplicate: 0, skipped: 0, failed: 3 });
    for (const name of Object.keys(damaged)) expect(s.items.find((i) => i.name === name)!.message).toMatch(/^Word文件已损坏（文件内部结构异常：.*(循环|超出文件范围)），无法读取$/);
  });
});

describe('files whose headers lie about their size', () => {
  it('refuses a .docx part and PDF streams that inflate past the budget, whatever they declare, and imports the next file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-lying-'));
    mkdirSync(join(dir, 'in'));
    // document.xml declared as 5,000 bytes, inflating to 600 MB; PDF streams inflating to 300 MB behind a filter chain, an indirect filter, a distant filter name.
    writeFileSync(join(dir, 'in', 'lying.docx'), lyingDocx(readFileSync(join(fixtures, 'reports/word/seed-001.docx')), 600));
    writeFileSync(join(dir, 'in', 'lying.wps'), lyingDocx(readFileSync(join(fixtures, 'reports/word/huaian-city-gov-2024.docx')), 600));
    for (const [name, bytes] of Object.entries(hostilePdfs(300))) writeFileSync(join(dir, 'in', name), bytes);
    cpSync(join(fixtures, 'reports/word/seed-004.docx'), join(dir, 'in', 'zz-good.docx'));
    rt = openRuntime(join(dir, 'archive.sqlite'));
    const s = await run([join(dir, 'in')]);
    const reason = (name: string) => s.items.find((i) => i.name === name)!.message;
    expect(reason('lying.docx')).toBe('文件解压后异常巨大（疑似“压缩炸弹”），已拒绝读取');
    expect(reason('lying.wps')).toBe('文件解压后异常巨大（疑似“压缩炸弹”），已拒绝读取');
    for (const name of Object.keys(hostilePdfs(1))) expect(reason(name)).toMatch(/^PDF中的数据流解压后超过\d+ MB，可能是压缩炸弹，未导入$/);
    expect(s.items.find((i) => i.name === 'zz-good.docx')!.status).toBe('imported');
    expect(s.counts).toEqual({ imported: 1, duplicate: 0, skipped: 0, failed: 5 });
  }, 60_000);
});

describe('a file that takes too much memory while it is read', () => {
  it('ends its worker over the per-file ceiling (external memory counted), says why, and the next file gets a fresh worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-memory-'));
    mkdirSync(join(dir, 'in'));
    // Within every byte budget (a 48 MB document.xml), but held as a buffer and a string: over a 128 MB ceiling.
    writeFileSync(join(dir, 'in', 'a-large.docx'), lyingDocx(readFileSync(join(fixtures, 'reports/word/seed-001.docx')), 48));
    cpSync(join(fixtures, 'reports/word/seed-004.docx'), join(dir, 'in', 'b-good.docx'));
    cpSync(join(fixtures, 'reports/word/seed-001.doc'), join(dir, 'in', 'c-good.doc'));
    rt = openRuntime(join(dir, 'archive.sqlite'));
    const pool = new ParsePool({ workerUrl: defaultWorkerUrl(), size: 1, maxFileMemoryMb: 128 });
    try {
      const importer = new Importer(rt.archive, pool);
      const id = importer.start([join(dir, 'in')]);
      await importer.wait(id);
      const s = importer.status(id)!;
      expect(s.items.find((i) => i.name === 'a-large.docx')!.message).toBe('文件解析时占用内存过多，已停止（可能是损坏或恶意构造的文件）');
      expect(s.counts).toEqual({ imported: 2, duplicate: 0, skipped: 0, failed: 1 });
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe('a full disk', () => {
  it('says 磁盘空间不足 once, stops, keeps what was stored, and a later import finishes the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-full-'));
    cpSync(join(fixtures, 'reports/utf8'), join(dir, 'in'), { recursive: true });
    rt = openRuntime(join(dir, 'archive.sqlite'));
    // Room for about one report: SQLite's own page limit stands for the disk.
    const pages = rt.archive.db.pragma('page_count', { simple: true }) as number;
    rt.archive.db.pragma(`max_page_count = ${pages + 40}`);
    const s = await run([join(dir, 'in')]);
    const failed = s.items.filter((i) => i.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].message).toMatch(/^磁盘空间不足，无法写入档案，导入已停止/);
    expect(s.cancelled).toBe(true);
    expect(s.items.every((i) => !/[a-zA-Z]{4,}/.test(i.message))).toBe(true);
    const stored = rt.archive.count();
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(5);
    // How many files this import left: the one the disk refused and those never tried.
    expect(s.stopped).toBe(`磁盘空间不足，导入已停止：${5 - stored} 个文件未导入`);
    expect(importEndLine(s, '/a.sqlite')).toMatch(new RegExp(`^磁盘空间不足，导入已停止：${5 - stored} 个文件未导入（已导入 ${stored} 份.*）。腾出空间后再导入一次，已导入的文件会自动跳过。档案：/a\\.sqlite$`));
    expect(rt.archive.db.pragma('integrity_check', { simple: true })).toBe('ok');
    rt.archive.db.pragma('max_page_count = 1073741823');
    const again = await run([join(dir, 'in')]);
    expect(again.counts.imported + stored).toBe(5);
    expect(again.counts.duplicate).toBe(stored);
    expect(again.stopped).toBeUndefined();
    expect(importEndLine(again, '/a.sqlite')).toMatch(/^导入完成：/);
  });
});

describe('reasons for failures that are not the file’s', () => {
  it('maps SQLite and file-system errors to Chinese', () => {
    const err = (code: string, message: string) => Object.assign(new Error(message), { code });
    expect(storageFailure(err('SQLITE_FULL', 'database or disk is full'))).toMatchObject({ stop: true });
    expect(storageFailure(err('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: reports.sha256'))).toMatchObject({ duplicate: true, message: '同样内容的文件刚由另一个程序导入档案，未重复导入' });
    expect(storageFailure(err('SQLITE_BUSY', 'database is locked')).message).toContain('正被另一个程序使用');
    expect(storageFailure(err('EACCES', 'permission denied')).message).toBe('没有权限读取该文件');
    for (const e of [err('SQLITE_FULL', 'x'), err('SQLITE_BUSY', 'x'), err('X', 'Maximum call stack size exceeded')]) expect(storageFailure(e).message).not.toMatch(/[a-zA-Z]{4,}/);
  });
});

describe('free space before an import', () => {
  it('warns once the files are found when the disk may not hold them, and imports anyway', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-space-'));
    cpSync(join(fixtures, 'reports/utf8'), join(dir, 'in'), { recursive: true });
    rt = openRuntime(join(dir, 'archive.sqlite'));
    const asked: string[] = [];
    const tight = new Importer(rt.archive, rt.pool, { freeBytes: async (d) => (asked.push(d), 10 * 1048576) });
    const id = tight.start([join(dir, 'in')]);
    await tight.wait(id);
    const s = tight.status(id)!;
    expect(asked).toEqual([dir]); // the disk of the archive, not of the files
    // 5 files: their bytes + 5 × 128 KB + 64 MB of room.
    expect(s.warning).toBe('档案所在磁盘只剩约 10 MB，这些文件导入后约需 65 MB，空间可能不够。导入会继续；空间用完时会停止，已导入的报告不受影响。');
    expect(s.counts.imported).toBe(5);
    const roomy = new Importer(rt.archive, rt.pool, { freeBytes: async () => 1e12 });
    const id2 = roomy.start([join(dir, 'in')]);
    await roomy.wait(id2);
    expect(roomy.status(id2)!.warning).toBeUndefined();
    expect(roomy.status(id2)!.counts.duplicate).toBe(5);
  });
});
