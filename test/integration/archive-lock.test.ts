// The archive's lock beyond restore: the schema upgrade and the backup rotation refuse while
// another process has the archive, two processes opening an older archive at once upgrade it
// once, and a process that leaves no entry (an older version) is found by SQLite's own lock.
import { quietPlatform } from '../helpers/platform.ts';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Archive } from '../../src/main/node/archive/archive.ts';
import { backupTo, restoreArchive, rotateBackups } from '../../src/main/node/archive/backup.ts';
import { lockDir } from '../../src/main/node/archive/lock.ts';
import { migrate, SCHEMA_VERSION } from '../../src/main/node/archive/migrations/index.ts';
import { openRuntime } from '../../src/main/node/runtime.ts';
import { createHandlers } from '../../src/main/node/services.ts';

const root = new URL('../../', import.meta.url).pathname;
const node = join(root, 'node_modules/.bin/node');

/** A live process, for an entry to name. */
const others: number[] = [];
function liveProcess(): number {
  const pid = spawn('sleep', ['60']).pid!;
  others.push(pid);
  return pid;
}
afterEach(() => {
  for (const pid of others.splice(0)) process.kill(pid);
});

/** Another process's entry: an import that has the archive open. */
function importing(archivePath: string): number {
  const pid = liveProcess();
  mkdirSync(lockDir(archivePath), { recursive: true });
  writeFileSync(join(lockDir(archivePath), `${pid}.json`), JSON.stringify({ pid, host: hostname(), use: '导入', mode: 'shared', ready: true, since: new Date().toISOString() }));
  return pid;
}

/** An archive file of schema 5 with one report, closed. */
function olderArchive(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'nianbao-lock-')), 'archive.sqlite');
  const db = new Database(file);
  migrate(db, 5);
  db.prepare("INSERT INTO originals VALUES ('a', 1, x'00')").run();
  db.prepare(
    `INSERT INTO reports (sha256, file_name, source_path, format, encoding, agency, agency_norm, year, template, complete, status, parts_json, notes_json, text, parser_version, imported_at)
     VALUES ('a','f.txt','/f','txt','UTF-8','某县人民政府','某县人民政府',2020,'T2019',1,'ok','[]', '[]','',1,'now')`,
  ).run();
  db.close();
  return file;
}
const version = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true });
  } finally {
    db.close();
  }
};

describe('the schema upgrade', () => {
  it('is refused while another process has the archive open, and the archive stays as it was', async () => {
    const file = olderArchive();
    const pid = importing(file);
    expect(() => new Archive(file)).toThrow(`档案需要升级到新版本的格式，但档案正被另一个程序使用（进程 ${pid}：正在导入），请关闭它后再打开。档案未改动。`);
    expect(version(file)).toBe(5);
    expect(existsSync(join(dirname(file), '备份'))).toBe(false);
    // Its own entry went with the failed open: the next one, alone, upgrades.
    expect(readdirSync(lockDir(file))).toEqual([`${pid}.json`]);
    process.kill(others.pop()!);
    await new Promise((r) => setTimeout(r, 200));
    new Archive(file).close();
    expect(version(file)).toBe(SCHEMA_VERSION);
  });

  it('happens once when two processes open an older archive at the same moment', async () => {
    const file = olderArchive();
    const run = () =>
      new Promise<{ code: number; out: string; log: string }>((res) => {
        const p = spawn(node, [join(root, 'src/cli/index.ts'), 'list', '--db', file], { cwd: root });
        let out = '';
        let log = '';
        p.stdout.on('data', (d) => (out += d));
        p.stderr.on('data', (d) => (log += d));
        p.on('close', (code) => res({ code: code ?? -1, out, log }));
      });
    const [a, b] = await Promise.all([run(), run()]);
    for (const r of [a, b]) {
      expect(r.code, r.log).toBe(0);
      expect(r.out).toContain('共 1 份报告');
    }
    expect(version(file)).toBe(SCHEMA_VERSION);
    expect(readdirSync(join(dirname(file), '备份'))).toEqual([expect.stringMatching(/^升级前-版本5-/)]);
    expect(readdirSync(lockDir(file))).toEqual([]);
  }, 60_000);
});

describe('the backup rotation and the in-app restore', () => {
  it('refuse while another process has the archive, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-lock-'));
    const rt = openRuntime(join(dir, 'archive.sqlite'));
    await rt.importer.wait(rt.importer.start([join(root, 'test/fixtures/reports/utf8')]));
    await rotateBackups(rt.archive.db, rt.archive.path, new Date(2026, 10, 30, 9));
    const pid = importing(rt.archive.path);
    await expect(rotateBackups(rt.archive.db, rt.archive.path, new Date(2026, 11, 1, 9))).rejects.toThrow(`档案正被另一个程序使用（进程 ${pid}：正在导入），请关闭它后再备份。`);
    expect(readdirSync(join(dir, '备份'))).toEqual(['archive-2026-11-30.sqlite.gz']);
    const api = createHandlers({ archive: rt.archive, importer: rt.importer, pool: rt.pool, platform: quietPlatform() });
    expect(await api.restoreBackup({ date: '2026-11-30' })).toEqual({ restored: false, message: `档案正被另一个程序使用（进程 ${pid}：正在导入），请关闭它后再恢复。` });
    expect((await api.backupNow({})).message).toBe(`档案正被另一个程序使用（进程 ${pid}：正在导入），请关闭它后再备份。`);
    process.kill(others.pop()!);
    await new Promise((r) => setTimeout(r, 200)); // the signal on its way
    const r = await api.restoreBackup({ date: '2026-11-30' });
    expect(r, r?.message).toMatchObject({ restored: true });
    await rt.close();
  });
});

describe('a process that leaves no entry', () => {
  it('is found by SQLite’s lock, and the restore is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-lock-'));
    const rt = openRuntime(join(dir, 'archive.sqlite'));
    const b = await backupTo(rt.archive.db, join(dir, 'b.sqlite'));
    await rt.close();
    // An older version of the program: a plain connection, no entry beside the archive.
    const old = spawn(node, ['-e', `const D = require(${JSON.stringify(join(root, 'node_modules/better-sqlite3'))}); const d = new D(${JSON.stringify(rt.archive.path)}); d.pragma('journal_mode = WAL'); console.log('open'); setTimeout(() => {}, 60000);`]);
    await new Promise<void>((res) => old.stdout.once('data', () => res()));
    try {
      expect(() => restoreArchive(rt.archive.path, b.file)).toThrow('档案正被另一个程序使用，请关闭它后再恢复。');
      expect(readdirSync(dir).filter((f) => f.includes('恢复前-'))).toEqual([]);
    } finally {
      old.kill();
    }
  });
});
