// Backups: made while the archive is open, checked before they count, rotated (7 days, the
// first of each of 12 months), restored only from a sound file with the current one kept aside.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { backupDir, backupTo, checkArchiveFile, listBackups, pruneBackups, restoreArchive, rotateBackups } from '../../src/main/node/archive/backup.ts';
import { openFailure } from '../../src/main/node/archive/open-failure.ts';
import { openRuntime } from '../../src/main/node/runtime.ts';

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
    expect(first?.file).toBe(join(backupDir(rt.archive.path), 'archive-2026-12-01.sqlite'));
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

describe('an archive that will not open', () => {
  it('says so in Chinese and offers the newest sound backup, which then opens', async () => {
    const { rt } = await archiveWithReports();
    const path = rt.archive.path;
    await rotateBackups(rt.archive.db, path, new Date('2026-11-30T09:00:00Z'));
    await rotateBackups(rt.archive.db, path, new Date('2026-12-01T09:00:00Z'));
    await rt.close();
    writeFileSync(join(backupDir(path), 'archive-2026-12-01.sqlite'), 'damaged too'); // the newest is no good
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
    restoreArchive(path, f.backup!.file);
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
