// Restoring never loses work: one process at a time may swap the archive (a restore waits for
// no one and refuses while another process has it open, saying which and why), a backup is
// checked whole before the archive is touched, and the file read from is never the one moved.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupTo, restoreArchive } from '../../src/main/node/archive/backup.ts';
import { SCHEMA_VERSION } from '../../src/main/node/archive/migrations/index.ts';
import { holdArchive, lockDir } from '../../src/main/node/archive/lock.ts';
import { openRuntime } from '../../src/main/node/runtime.ts';

const root = new URL('../../', import.meta.url).pathname;
const fixtures = join(root, 'test/fixtures');
const node = join(root, 'node_modules/.bin/node');

/** An archive of the five seed reports and a sound backup of it, both closed. */
async function archiveAndBackup() {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-restore-'));
  const rt = openRuntime(join(dir, 'archive.sqlite'));
  await rt.importer.wait(rt.importer.start([join(fixtures, 'reports/utf8')]));
  const backup = await backupTo(rt.archive.db, join(dir, 'backup.sqlite'));
  await rt.close();
  return { dir, db: join(dir, 'archive.sqlite'), backup: backup.file };
}

const count = (file: string) => {
  const d = new Database(file, { readonly: true });
  try {
    return (d.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
  } finally {
    d.close();
  }
};
const asides = (dir: string) => readdirSync(dir).filter((f) => f.includes('恢复前-'));
const restoreCli = (from: string, db: string) => spawnSync(node, [join(root, 'src/cli/index.ts'), 'restore', from, '--db', db], { encoding: 'utf8', cwd: root });

describe('a restore while another process has the archive', () => {
  it('is refused while a CLI import writes, naming the process, and every imported report stays in the archive', async () => {
    const { dir, db, backup } = await archiveAndBackup();
    cpSync(join(fixtures, 'real'), join(dir, 'in'), { recursive: true });
    rmSync(join(dir, 'in', 'README.md'));
    const imp = spawn(node, [join(root, 'src/cli/index.ts'), 'import', join(dir, 'in'), '--db', db], { cwd: root });
    let out = '';
    let log = '';
    imp.stdout.on('data', (d) => (out += d));
    imp.stderr.on('data', (d) => (log += d));
    const ended = new Promise<number>((res) => imp.on('close', (c) => res(c ?? -1)));
    // Restore once the import is writing.
    const until = Date.now() + 60_000;
    while (count(db) <= 5 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(count(db)).toBeGreaterThan(5);
    const r = restoreCli(backup, db);
    expect(r.stderr + r.stdout).toContain(`档案正被另一个程序使用（进程 ${imp.pid}：正在导入），请关闭它后再恢复。`);
    expect(r.status).toBe(1);
    expect(asides(dir)).toEqual([]);
    expect(await ended, log.slice(-2000)).toBe(0);
    const imported = Number(/导入完成：导入 (\d+) 份/.exec(out)?.[1]);
    expect(imported).toBeGreaterThan(100);
    expect(count(db)).toBe(5 + imported);
    // The import over, the same restore goes through.
    const again = restoreCli(backup, db);
    expect(again.stdout).toMatch(/^已从 .* 恢复档案 .*；原档案另存为 .*恢复前-/);
    expect(count(db)).toBe(5);
  }, 180_000);

  it('waits while another process restores, and takes over a lock whose process is gone', async () => {
    const { db } = await archiveAndBackup();
    mkdirSync(lockDir(db), { recursive: true });
    // A process that is gone left its entry: it is taken over at once.
    writeFileSync(join(lockDir(db), 'gone.json'), JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), use: '恢复', mode: 'exclusive', since: new Date().toISOString() }));
    let t = Date.now();
    holdArchive(db, '导入').release();
    expect(Date.now() - t).toBeLessThan(1000);
    expect(existsSync(join(lockDir(db), 'gone.json'))).toBe(false);
    // A live process restoring: the opener waits until it is gone (ended, even if not yet reaped).
    const sleeper = spawn('sleep', ['1.5']).pid;
    writeFileSync(join(lockDir(db), 'live.json'), JSON.stringify({ pid: sleeper, host: hostname(), use: '恢复', mode: 'exclusive', since: new Date().toISOString() }));
    t = Date.now();
    const held = holdArchive(db, '导入');
    expect(Date.now() - t).toBeGreaterThan(1000);
    held.release();
    expect(readdirSync(lockDir(db))).toEqual([]);
  });

  it('refuses to restore an archive from itself, and leaves it as it was', async () => {
    const { dir, db } = await archiveAndBackup();
    const r = restoreCli(db, db);
    expect(r.stderr).toContain('不能用档案本身恢复它自己');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(1);
    expect(count(db)).toBe(5);
    expect(asides(dir)).toEqual([]);
  });

  it('refuses a file holding only a reports table, and one made by a newer version, before touching the archive', async () => {
    const { dir, db, backup } = await archiveAndBackup();
    const bare = join(dir, 'bare.sqlite');
    const b = new Database(bare);
    b.exec('CREATE TABLE reports (id INTEGER PRIMARY KEY, x TEXT); INSERT INTO reports (x) VALUES (1), (2)');
    b.pragma(`user_version = ${SCHEMA_VERSION}`);
    b.close();
    expect(() => restoreArchive(db, bare)).toThrow(/^无法恢复：bare\.sqlite不是完整的年报档案（缺少 .*）$/);
    const newer = join(dir, 'newer.sqlite');
    cpSync(backup, newer);
    const n = new Database(newer);
    n.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    n.close();
    const r = restoreCli(newer, db);
    expect(r.stderr).toContain(`无法恢复：newer.sqlite由更新版本的程序写出（档案版本 ${SCHEMA_VERSION + 1}，本程序为 ${SCHEMA_VERSION}），比本程序新，请先升级程序`);
    expect(r.status).toBe(1);
    expect(count(db)).toBe(5);
    expect(asides(dir)).toEqual([]);
  });

  it('names the archive kept aside by the PC’s own clock', async () => {
    const { db, backup } = await archiveAndBackup();
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const aside = restoreArchive(db, backup, new Date('2026-12-01T10:30:05Z'));
      expect(aside).toBe(`${db}.恢复前-2026-12-01-183005`);
      expect(count(aside)).toBe(5);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});
