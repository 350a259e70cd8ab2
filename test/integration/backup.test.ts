// Backups: made while the archive is open, checked before they count, rotated (7 days, the
// first of each of 12 months), restored only from a sound file with the current one kept aside.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { backupDir, backupTo, checkArchiveFile, listBackups, openableBackup, pruneBackups, restoreArchive, rotateBackups } from '../../src/main/node/archive/backup.ts';
import { openFailure } from '../../src/main/node/archive/open-failure.ts';
import { SCHEMA_VERSION } from '../../src/main/node/archive/migrations/index.ts';
import { openRuntime } from '../../src/main/node/runtime.ts';
import { createHandlers } from '../../src/main/node/services.ts';
import { statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { quietPlatform } from '../helpers/platform.ts';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const root = new URL('../../', import.meta.url).pathname;

async function archiveWithReports() {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-backup-'));
  cpSync(join(fixtures, 'reports/utf8'), join(dir, 'in'), { recursive: true });
  const rt = openRuntime(join(dir, 'archive.sqlite'));
  await rt.importer.wait(rt.importer.start([join(dir, 'in')]));
  return { dir, rt };
}

describe('backups', () => {
  it('backs up the open archive, checks it, and rotates one a day', async () => {
    const { dir, rt } = await archiveWithReports();
    const b = await backupTo(rt.archive.db, join(dir, 'usb', '年报档案备份.sqlite'));
    expect(b.reports).toBe(5);
    expect(checkArchiveFile(b.file)).toEqual({ ok: true, reports: 5 });
    const first = await rotateBackups(rt.archive.db, rt.archive.path, new Date('2026-12-01T09:00:00Z'));
    expect(first?.file).toBe(join(backupDir(rt.archive.path), 'archive-2026-12-01.sqlite.gz'));
    expect(await rotateBackups(rt.archive.db, rt.archive.path, new Date('2026-12-01T18:00:00Z'))).toBeNull(); // one a day
    expect(listBackups(rt.archive.path).map((x) => [x.date, x.reports])).toEqual([['2026-12-01', 5]]);
    await rt.close();
  });

  it('keeps the last 7 days and the first backup of each of the last 12 months', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-prune-'));
    const days = ['2025-11-03', '2025-12-02', '2025-12-20', '2026-06-01', '2026-06-15', '2026-11-20', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01'];
    for (const d of days) writeFileSync(join(dir, `archive-${d}.sqlite`), '');
    const removed = pruneBackups(dir, new Date('2026-12-01T09:00:00Z'));
    // The monthly keep covers the 12 months 2026-01…2026-12, so all of 2025 goes; 2026-06-15 is not June's first; 11-24 falls out of the last 7 days (11-20 is November's first: kept).
    expect(removed.sort()).toEqual(['2025-11-03', '2025-12-02', '2025-12-20', '2026-06-15', '2026-11-24']);
    expect(readdirSync(dir).length).toBe(days.length - 5);
  });

  it('restores only a sound backup, keeping the current archive aside', async () => {
    const { dir, rt } = await archiveWithReports();
    const b = await backupTo(rt.archive.db, join(dir, 'b.sqlite'));
    const path = rt.archive.path;
    rt.archive.removeReport(rt.archive.listReports({})[0].id);
    await rt.close();
    writeFileSync(join(dir, 'broken.sqlite'), 'not an archive');
    expect(() => restoreArchive(path, join(dir, 'broken.sqlite'))).toThrow('无法恢复：broken.sqlite不是年报档案文件，或文件已损坏');
    const aside = restoreArchive(path, b.file, new Date('2026-12-01T10:00:00Z'));
    expect(existsSync(aside)).toBe(true);
    expect(checkArchiveFile(path)).toEqual({ ok: true, reports: 5 });
    expect(checkArchiveFile(aside)).toEqual({ ok: true, reports: 4 });
  });

  it('backs up and restores from the command line', async () => {
    const { dir, rt } = await archiveWithReports();
    const db = rt.archive.path;
    await rt.close();
    const cli = (...args: string[]) => spawnSync(join(root, 'node_modules/.bin/node'), [join(root, 'src/cli/index.ts'), ...args, '--db', db], { encoding: 'utf8' });
    mkdirSync(join(dir, 'u'));
    const out = cli('backup', '--out', join(dir, 'u', 'b.sqlite'));
    expect(out.stdout).toContain('（5 份报告，完整性检查通过）');
    const back = cli('restore', join(dir, 'u', 'b.sqlite'));
    expect(back.stdout).toMatch(/^已从 .* 恢复档案 .*；原档案另存为 .*恢复前-/);
  });
});

describe('the 备份与恢复 page', () => {
  async function handlers() {
    const { dir, rt } = await archiveWithReports();
    const answers = { folder: join(dir, 'usb'), file: null as string | null };
    mkdirSync(answers.folder);
    const api = createHandlers({
      archive: rt.archive,
      importer: rt.importer,
      pool: rt.pool,
      platform: {
        version: 't',
        chooseSources: async () => null,
        openPath: async () => '',
        saveFile: async () => null,
        chooseOutputFolder: async () => answers.folder,
        chooseArchiveFile: async () => answers.file,
        chooseSpreadsheet: async () => null,
        renderPdf: async () => new Uint8Array(),
        printRoute: async () => '',
      },
    });
    return { dir, rt, api, answers };
  }

  it('lists the backups, backs up to a chosen folder, and restores one while the archive stays open', async () => {
    const { dir, rt, api, answers } = await handlers();
    expect((await api.backupNow({})).message).toMatch(/^已备份 5 份报告：.*备份.*archive-\d{4}-\d{2}-\d{2}\.sqlite\.gz$/);
    const list = await api.listBackups({});
    expect(list.reports).toBe(5);
    expect(list.backups).toHaveLength(1);
    expect(list.backups[0].reports).toBe(5);
    const day = list.backups[0].date;
    const usb = await api.backupToFolder({});
    expect(usb?.message).toMatch(/^已备份 5 份报告到：.*usb.*年报档案备份-\d{4}-\d{2}-\d{2}-\d{4}\.sqlite$/);
    expect(checkArchiveFile(usb!.path!)).toEqual({ ok: true, reports: 5 });

    // Two reports go; the day's backup brings them back, on the same open archive.
    for (const r of rt.archive.listReports({}).slice(0, 2)) rt.archive.removeReport(r.id);
    expect(rt.archive.count()).toBe(3);
    const back = await api.restoreBackup({ date: day });
    expect(back).toMatchObject({ restored: true });
    expect(back?.message).toMatch(/^已从 archive-.*\.sqlite\.gz 恢复档案（5 份报告）；恢复前的档案另存为 .*恢复前-/);
    expect(rt.archive.count()).toBe(5);
    expect((await api.search({ text: '政府信息公开' })).total).toBeGreaterThan(0); // the search index and ranking came back too
    const aside = readdirSync(dir).find((f) => f.includes('恢复前-') && !/-(wal|shm)$/.test(f))!;
    expect(checkArchiveFile(join(dir, aside))).toEqual({ ok: true, reports: 3 });

    // From a file the user picks (the USB copy); a file that is no archive is refused and nothing changes.
    writeFileSync(join(dir, 'not.sqlite'), 'not an archive at all');
    answers.file = join(dir, 'not.sqlite');
    expect(await api.restoreBackup({ fromFile: true })).toEqual({ restored: false, message: '无法恢复：not.sqlite不是年报档案文件，或文件已损坏' });
    expect(rt.archive.count()).toBe(5);
    answers.file = null;
    expect(await api.restoreBackup({ fromFile: true })).toBeNull();
    expect(await api.restoreBackup({ date: '2001-01-01' })).toEqual({ restored: false, message: '无法恢复：找不到 2001-01-01 的备份' });
    await rt.close();
  });

  it('refuses to restore while an import is running', async () => {
    const { dir, rt, api } = await handlers();
    await api.backupNow({});
    const day = (await api.listBackups({})).backups[0].date;
    cpSync(join(fixtures, 'reports/samples'), join(dir, 'more'), { recursive: true });
    const job = rt.importer.start([join(dir, 'more')]);
    expect(await api.restoreBackup({ date: day })).toEqual({ restored: false, message: '正在导入报告，请等它结束后再恢复。' });
    await rt.importer.wait(job);
    expect(await api.restoreBackup({ date: day })).toMatchObject({ restored: true });
    await rt.close();
  });

  it('refuses a backup made by a newer version before the archive is touched', async () => {
    const { dir, rt, api, answers } = await handlers();
    const newer = await backupTo(rt.archive.db, join(dir, 'newer.sqlite'));
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(newer.file);
    db.pragma('user_version = 999'); // made by a newer version of the app: passes the check, will not open
    db.close();
    answers.file = newer.file;
    const r = await api.restoreBackup({ fromFile: true });
    expect(r?.restored).toBe(false);
    expect(r?.message).toBe(`无法恢复：newer.sqlite由更新版本的程序写出（档案版本 999，本程序为 ${SCHEMA_VERSION}），比本程序新，请先升级程序`);
    expect(rt.archive.count()).toBe(5);
    expect(readdirSync(dir).filter((f) => f.includes('恢复前-'))).toEqual([]);
    await rt.close();
  });
});

describe('an archive that will not open', () => {
  it('is refused before anything is written when a page inside it is damaged', async () => {
    const { rt } = await archiveWithReports();
    const path = rt.archive.path;
    await rotateBackups(rt.archive.db, path, new Date('2026-11-30T09:00:00Z'));
    await rt.close();
    // The pages holding the original files go bad: opening reads none of them (the schema,
    // the migrations and the search backfill do not touch originals), so only a check finds it.
    const { default: Database } = await import('better-sqlite3');
    const probe = new Database(path, { readonly: true });
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    const pages = (probe.prepare("SELECT pageno FROM dbstat WHERE name = 'originals' AND pagetype IN ('leaf', 'overflow')").all() as { pageno: number }[]).map((p) => p.pageno);
    probe.close();
    expect(pages.length).toBeGreaterThan(2);
    const bytes = readFileSync(path);
    for (const p of pages) bytes.fill(0x55, (p - 1) * pageSize, p * pageSize);
    writeFileSync(path, bytes);
    const before = statSync(path).mtimeMs;
    let error: unknown;
    try {
      openRuntime(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeDefined();
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(before);
    const f = openFailure(path, error);
    expect(f.message).toBe(`档案文件已损坏，无法打开。\n档案文件：${path}`);
    expect(f.backup?.date).toBe('2026-11-30');
  });

  it('says so in Chinese and offers the newest sound backup, which then opens', async () => {
    const { rt } = await archiveWithReports();
    const path = rt.archive.path;
    await rotateBackups(rt.archive.db, path, new Date('2026-11-30T09:00:00Z'));
    await rotateBackups(rt.archive.db, path, new Date('2026-12-01T09:00:00Z'));
    await rt.close();
    writeFileSync(join(backupDir(path), 'archive-2026-12-01.sqlite.gz'), 'damaged too'); // the newest is no good
    const bytes = readFileSync(path);
    bytes.fill(0x41, 0, 4096); // header and first page gone
    writeFileSync(path, bytes);
    let error: unknown;
    try {
      openRuntime(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeDefined();
    const f = openFailure(path, error);
    expect(f.message).toBe(`档案文件已损坏，无法打开。\n档案文件：${path}`);
    expect(f.backup?.date).toBe('2026-11-30');
    const openable = await openableBackup(path, f.backup!.file);
    restoreArchive(path, openable.file);
    openable.done();
    const again = openRuntime(path);
    expect(again.archive.count()).toBe(5);
    await again.close();
  });

  it('passes its own reason on and offers no backup for an archive that is only newer', async () => {
    const { rt } = await archiveWithReports();
    const path = rt.archive.path;
    await rotateBackups(rt.archive.db, path);
    rt.archive.db.pragma('user_version = 999');
    await rt.close();
    let error: unknown;
    try {
      openRuntime(path);
    } catch (e) {
      error = e;
    }
    const f = openFailure(path, error);
    expect(f.message).toContain('比本程序新');
    expect(f.message).not.toMatch(/SQLITE|Error/);
    expect(f.backup).toBeNull();
  });
});

describe('compressed rotated backups', () => {
  it('are gzip files far smaller than the archive, listed with their reports without decompressing, and restore', async () => {
    const { dir, rt } = await archiveWithReports();
    const path = rt.archive.path;
    rt.archive.db.pragma('wal_checkpoint(TRUNCATE)');
    const b = (await rotateBackups(rt.archive.db, path, new Date('2026-12-01T09:00:00Z')))!;
    expect(readdirSync(backupDir(path))).toEqual(['archive-2026-12-01.sqlite.gz']);
    const bytes = readFileSync(b.file);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(b.bytes).toBe(bytes.length);
    // Text, parts and findings are compressed inside the archive already; its pages and indexes still halve.
    expect(b.bytes).toBeLessThan(statSync(path).size / 2);
    // Any gzip tool reads it: what it holds is the checked archive.
    writeFileSync(join(dir, 'plain.sqlite'), gunzipSync(bytes));
    expect(checkArchiveFile(join(dir, 'plain.sqlite'))).toEqual({ ok: true, reports: 5 });
    expect(listBackups(path).map((x) => [x.date, x.reports, x.bytes])).toEqual([['2026-12-01', 5, b.bytes]]);

    // Restored from the command line as from the page: decompressed beside the archive, checked, swapped.
    rt.archive.removeReport(rt.archive.listReports({})[0].id);
    await rt.close();
    const cli = (...args: string[]) => spawnSync(join(root, 'node_modules/.bin/node'), [join(root, 'src/cli/index.ts'), ...args, '--db', path], { encoding: 'utf8' });
    const back = cli('restore', b.file);
    expect(back.stdout).toMatch(/^已从 .*archive-2026-12-01\.sqlite\.gz 恢复档案 .*；原档案另存为 .*恢复前-/);
    expect(checkArchiveFile(path)).toEqual({ ok: true, reports: 5 });
    expect(readdirSync(dir).filter((f) => f.includes('解压中'))).toEqual([]); // the decompressed copy is gone
    expect(readFileSync(b.file).equals(bytes)).toBe(true); // and the backup untouched
  });

  it('restore in the app, an uncompressed one of an older version too; a damaged one is refused and nothing changes', async () => {
    const { dir, rt } = await archiveWithReports();
    const path = rt.archive.path;
    const api = createHandlers({ archive: rt.archive, importer: rt.importer, pool: rt.pool, platform: quietPlatform() });
    await rotateBackups(rt.archive.db, path, new Date('2026-12-01T09:00:00Z'));
    // What an older version left: an uncompressed rotated backup, of a day with 4 reports.
    rt.archive.removeReport(rt.archive.listReports({})[0].id);
    await backupTo(rt.archive.db, join(backupDir(path), 'archive-2026-11-30.sqlite'));
    for (const r of rt.archive.listReports({}).slice(0, 2)) rt.archive.removeReport(r.id);
    expect(rt.archive.count()).toBe(2);
    expect((await api.listBackups({})).backups.map((x) => [x.date, x.reports])).toEqual([['2026-12-01', 5], ['2026-11-30', 4]]);

    expect(await api.restoreBackup({ date: '2026-12-01' })).toMatchObject({ restored: true, message: expect.stringMatching(/^已从 archive-2026-12-01\.sqlite\.gz 恢复档案（5 份报告）/) });
    expect(rt.archive.count()).toBe(5);
    expect((await api.search({ text: '政府信息公开' })).total).toBeGreaterThan(0);
    expect(await api.restoreBackup({ date: '2026-11-30' })).toMatchObject({ restored: true, message: expect.stringMatching(/^已从 archive-2026-11-30\.sqlite 恢复档案（4 份报告）/) });
    expect(rt.archive.count()).toBe(4);

    // Cut short (a copy interrupted on a USB stick): refused before the archive is touched.
    const gz = join(backupDir(path), 'archive-2026-12-01.sqlite.gz');
    const whole = readFileSync(gz);
    writeFileSync(gz, whole.subarray(0, Math.floor(whole.length / 2)));
    const asideBefore = readdirSync(dir).filter((f) => f.includes('恢复前-')).length;
    expect(await api.restoreBackup({ date: '2026-12-01' })).toEqual({ restored: false, message: '无法恢复：archive-2026-12-01.sqlite.gz已损坏（无法解压），档案保持原样' });
    expect(rt.archive.count()).toBe(4);
    expect(readdirSync(dir).filter((f) => f.includes('恢复前-')).length).toBe(asideBefore);
    expect(readdirSync(dir).filter((f) => f.includes('解压中'))).toEqual([]);
    await rt.close();
  });

  it('are pruned like the uncompressed ones, both forms of a day going together', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-prune-gz-'));
    // An older version's uncompressed backups and this one's compressed ones, and one day in both forms.
    const days = ['2025-10-01', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01'];
    for (const [i, d] of days.entries()) writeFileSync(join(dir, `archive-${d}.sqlite${i < 3 ? '' : '.gz'}`), '');
    writeFileSync(join(dir, 'archive-2025-10-01.sqlite.gz'), '');
    // 2026-11-24 is out of the last 7 days but November's first: kept.
    expect(pruneBackups(dir, new Date('2026-12-01T09:00:00Z'))).toEqual(['2025-10-01']);
    expect(readdirSync(dir).sort()).toEqual([
      'archive-2026-11-24.sqlite', 'archive-2026-11-25.sqlite', 'archive-2026-11-26.sqlite.gz', 'archive-2026-11-27.sqlite.gz', 'archive-2026-11-28.sqlite.gz',
      'archive-2026-11-29.sqlite.gz', 'archive-2026-11-30.sqlite.gz', 'archive-2026-12-01.sqlite.gz',
    ]);
  });
});
