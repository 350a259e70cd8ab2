// Backups of the archive, the one file that holds years of work: made with SQLite's online
// backup while the archive is open (readers and writers go on), each checked with
// integrity_check before it counts; rotated (one per day of use, the last 7 days and the first
// of each of the last 12 months); restored only from a backup that passes the same check,
// with the current file saved aside first. Restoring and rotating take the archive alone
// (lock.ts): never while another process has it open.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { logTechnical } from '../import/reasons.ts';
import { localDay, localStamp } from '../../../shared/dates.ts';
import { visible } from '../../../shared/visible.ts';
import { migrate, SCHEMA_VERSION } from './migrations/index.ts';
import { ArchiveInUse, inUseMessage, withArchiveAlone, withArchiveAloneAsync } from './lock.ts';
import { gunzipFile, gzipFile, gzipReports, isGzip } from './backup-gzip.ts';

/** What a check of an archive file found: its reports, or why it is no good. */
export type FileCheck = { ok: true; reports: number } | { ok: false; why: string };
/** Runs the check; the app hands one that runs in a worker, so main's thread is not held. */
export type Checker = (file: string) => Promise<FileCheck>;
const checkHere: Checker = async (file) => checkArchiveFile(file);

export interface BackupInfo {
  file: string;
  /** YYYY-MM-DD of a rotated backup, or the file's time. */
  date: string;
  reports: number;
  bytes: number;
}

/** The folder of rotated backups, beside the archive. */
export const backupDir = (archivePath: string) => join(dirname(archivePath), '备份');
const NAME = /^archive-(\d{4}-\d{2}-\d{2})\.sqlite(?:\.gz)?$/;

/** A day's rotated backup: compressed (archive-<day>.sqlite.gz), or as older versions wrote it. */
export function rotatedFile(dir: string, day: string): string {
  const gz = join(dir, `archive-${day}.sqlite.gz`);
  return existsSync(gz) ? gz : join(dir, `archive-${day}.sqlite`);
}

/** The tables an archive of schema `version` has: what the migrations up to it create. */
const tablesAt = new Map<number, string[]>();
function tablesOfVersion(version: number): string[] {
  let t = tablesAt.get(version);
  if (!t) {
    const mem = new Database(':memory:');
    try {
      migrate(mem, version);
      t = tableNames(mem);
    } finally {
      mem.close();
    }
    tablesAt.set(version, t);
  }
  return t;
}
const tableNames = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'").all() as { name: string }[]).map((r) => r.name);

/**
 * Checks a file is a whole archive this program can open: made by this version or an older one
 * (user_version), every table its version's migrations create, integrity_check, and its
 * reports counted. The cheap checks first: a file that is no archive is told at once.
 */
export function checkArchiveFile(file: string): FileCheck {
  if (!existsSync(file)) return { ok: false, why: '文件不存在' };
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) return { ok: false, why: `由更新版本的程序写出（档案版本 ${version}，本程序为 ${SCHEMA_VERSION}），比本程序新，请先升级程序` };
    if (version < 1) return { ok: false, why: '不是年报档案文件，或文件已损坏' };
    const has = new Set(tableNames(db));
    const missing = tablesOfVersion(version).filter((t) => !has.has(t));
    if (missing.length) {
      logTechnical(`检查“${file}”`, `缺少数据表：${missing.join(', ')}`);
      return { ok: false, why: `不是完整的年报档案（缺少 ${missing.length} 张数据表）` };
    }
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') return { ok: false, why: '文件已损坏（完整性检查未通过）' };
    const reports = (db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
    return { ok: true, reports };
  } catch {
    return { ok: false, why: '不是年报档案文件，或文件已损坏' };
  } finally {
    db?.close();
  }
}

/**
 * A backup of the open archive to `dest`, kept only if it passes the check. Every failure is
 * the clerk's Chinese sentence (the file system's or SQLite's words go to the log).
 */
export async function backupTo(db: Database.Database, dest: string, check_ = checkHere): Promise<BackupInfo> {
  const tmp = `${dest}.part`;
  let check: FileCheck;
  try {
    mkdirSync(dirname(dest), { recursive: true });
    rmSync(tmp, { force: true });
    await db.backup(tmp);
    // One self-contained file: the copy is in the archive's WAL mode, in which even a read-only
    // check leaves -wal and -shm files beside it (and they would stay beside a renamed backup).
    const copy = new Database(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    check = await check_(tmp);
    if (check.ok) renameSync(tmp, dest);
  } catch (e) {
    logTechnical(`备份到“${dest}”`, e);
    rmSync(tmp, { force: true });
    throw new Error('备份失败：无法写入备份文件（磁盘空间不足或没有写入权限）');
  }
  if (!check.ok) {
    rmSync(tmp, { force: true });
    throw new Error(`备份失败：写出的备份未通过完整性检查（${check.why}）`);
  }
  return { file: dest, date: localDay(new Date()), reports: check.reports, bytes: statSync(dest).size };
}

/**
 * Today's rotated backup, made now (replacing one made earlier today), then the old ones
 * pruned; with the archive alone, so that no other process rotates or restores meanwhile
 * (refused with ArchiveInUse while one has it open).
 */
export async function backupToday(db: Database.Database, archivePath: string, today = new Date(), check = checkHere): Promise<BackupInfo> {
  return withArchiveAloneAsync(archivePath, '备份轮换', '备份', async () => {
    const made = await compressedBackup(db, backupDir(archivePath), localDay(today), check);
    try {
      pruneBackups(backupDir(archivePath), today);
    } catch (e) {
      logTechnical('清理旧备份', e); // an old copy held open elsewhere: pruned next time
    }
    return made;
  });
}

/**
 * A rotated backup: copied and checked as backupTo does, then gzip-compressed beside it (a
 * stream: bounded memory), and only then put in place of the day's earlier one.
 */
async function compressedBackup(db: Database.Database, dir: string, day: string, check: Checker): Promise<BackupInfo> {
  const plain = join(dir, `archive-${day}.sqlite.new`);
  const gz = join(dir, `archive-${day}.sqlite.gz`);
  const made = await backupTo(db, plain, check);
  try {
    await gzipFile(plain, `${gz}.part`, made.reports);
    renameSync(`${gz}.part`, gz);
    rmSync(join(dir, `archive-${day}.sqlite`), { force: true }); // the day's uncompressed one, if an older version made it
  } catch (e) {
    logTechnical(`压缩备份“${gz}”`, e);
    rmSync(`${gz}.part`, { force: true });
    throw new Error('备份失败：无法写入备份文件（磁盘空间不足或没有写入权限）');
  } finally {
    rmSync(plain, { force: true });
  }
  return { ...made, file: gz, bytes: statSync(gz).size };
}

/** Today's rotated backup if there is none yet (the copy made at start); returns it or null. */
export async function rotateBackups(db: Database.Database, archivePath: string, today = new Date(), check = checkHere): Promise<BackupInfo | null> {
  if (backupDays(backupDir(archivePath)).includes(localDay(today))) return null;
  return backupToday(db, archivePath, today, check);
}

/** The days of the rotated backups in `dir`, oldest first. */
function backupDays(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return [...new Set(readdirSync(dir).map((f) => NAME.exec(f)?.[1]))].filter((d): d is string => !!d).sort();
}

/** Keeps the 7 newest daily backups and, for each of the last 12 months, its first. */
export function pruneBackups(dir: string, today = new Date()): string[] {
  const days = backupDays(dir).reverse();
  const keep = new Set(days.slice(0, 7));
  const months = new Set<string>();
  for (let i = 0; i < 12; i++) {
    months.add(localDay(new Date(today.getFullYear(), today.getMonth() - i, 1)).slice(0, 7));
  }
  for (const m of months) {
    const first = days.filter((d) => d.startsWith(m)).at(-1);
    if (first) keep.add(first);
  }
  const removed: string[] = [];
  for (const d of days)
    if (!keep.has(d)) {
      for (const f of [`archive-${d}.sqlite`, `archive-${d}.sqlite.gz`]) rmSync(join(dir, f), { force: true });
      removed.push(d);
    }
  return removed;
}

/** The day of the newest rotated backup, from the names alone (cheap enough for every appInfo). */
export function latestBackupDay(archivePath: string): string | null {
  return backupDays(backupDir(archivePath)).at(-1) ?? null;
}

/** The reports in an archive file, read without the full check (−1 when it will not open); a compressed backup's from its header. */
export function countReports(file: string): number {
  if (isGzip(file)) return gzipReports(file);
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return (db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
  } catch {
    return -1;
  } finally {
    db?.close();
  }
}

/**
 * The rotated backups, newest first, with their reports (−1 for one that fails). `verify` runs
 * the full integrity check on each uncompressed one; otherwise, and for a compressed one, the
 * count alone is read (each backup passed the check when it was made, and is decompressed and
 * checked again before it is restored).
 */
export function listBackups(archivePath: string, verify = true): BackupInfo[] {
  const dir = backupDir(archivePath);
  return backupDays(dir)
    .reverse()
    .map((date) => {
      const file = rotatedFile(dir, date);
      const check = verify && !isGzip(file) ? checkArchiveFile(file) : null;
      const reports = check ? (check.ok ? check.reports : -1) : countReports(file);
      return { file, date, reports, bytes: statSync(file).size };
    });
}

/** The same file under two names (a path spelled otherwise, a link). */
function sameFile(a: string, b: string): boolean {
  const sa = statSync(a, { throwIfNoEntry: false });
  const sb = statSync(b, { throwIfNoEntry: false });
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

/**
 * Whether a process that does not leave an entry beside the archive (an older version of this
 * program, a database tool) has it open: SQLite's own lock, taken alone for a moment. A file
 * SQLite cannot read (a damaged archive being replaced) is nobody's.
 */
function openElsewhere(archivePath: string): boolean {
  if (!existsSync(archivePath)) return false;
  let db: Database.Database | null = null;
  try {
    db = new Database(archivePath, { fileMustExist: true, timeout: 2000 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
  } finally {
    db?.close();
  }
}

/** archive.sqlite.恢复前-2026-12-01-183005, by the PC's clock; -2, -3… if that is taken. */
function asideName(archivePath: string, now: Date): string {
  const base = `${archivePath}.恢复前-${localStamp(now)}`;
  let name = base;
  for (let i = 2; existsSync(name); i++) name = `${base}-${i}`;
  return name;
}

/**
 * Puts `from` in place of the (closed) archive, after checking it whole (`checked`: the check
 * already run, in a worker); the current file and its WAL are kept beside it as
 * archive.sqlite.恢复前-<time>. Refused, with the archive untouched, when `from` is the archive
 * itself or fails the check, or while another process has the archive open. Returns where the
 * old file went.
 */
export function restoreArchive(archivePath: string, from: string, now = new Date(), checked?: FileCheck, shownName = basename(from)): string {
  const name = visible(shownName);
  if (sameFile(archivePath, from)) throw new Error(`无法恢复：不能用档案本身恢复它自己（${name}就是当前的档案文件），请选择一份备份`);
  const check = checked ?? checkArchiveFile(from);
  if (!check.ok) throw new Error(`无法恢复：${name}${check.why}`);
  return withArchiveAlone(archivePath, '恢复', '恢复', () => {
    if (openElsewhere(archivePath)) throw new ArchiveInUse(inUseMessage(null, '恢复'), null);
    const aside = asideName(archivePath, now);
    const moved: string[] = [];
    const had = existsSync(archivePath);
    try {
      for (const ext of ['', '-wal', '-shm'])
        if (existsSync(archivePath + ext)) {
          renameSync(archivePath + ext, aside + ext);
          moved.push(ext);
        }
      // A backup with a write-ahead log beside it (an archive once in use) keeps recent work
      // there: SQLite copies file and log as one; a plain backup file is copied as it is.
      if (existsSync(`${from}-wal`)) {
        const src = new Database(from, { readonly: true, fileMustExist: true });
        try {
          src.prepare('VACUUM INTO ?').run(archivePath);
        } finally {
          src.close();
        }
      } else copyFileSync(from, archivePath);
    } catch (e) {
      logTechnical(`从“${from}”恢复到“${archivePath}”`, e);
      if (moved.includes('') || !had) rmSync(archivePath, { force: true }); // the half-written copy, never the archive
      for (const ext of moved) renameSync(aside + ext, archivePath + ext);
      throw new Error('无法恢复：无法写入档案文件（磁盘空间不足或没有写入权限），档案保持原样');
    }
    return aside;
  });
}

/**
 * The backup as a file SQLite opens: itself, or, for a compressed one, decompressed (a stream)
 * into a file beside the archive, which `done` removes. The caller checks and restores that
 * file as any other; the compressed backup is never touched.
 */
export async function openableBackup(archivePath: string, from: string): Promise<{ file: string; done: () => void }> {
  if (!isGzip(from)) return { file: from, done: () => {} };
  const file = `${archivePath}.解压中-${process.pid}-${Date.now()}`;
  const done = () => rmSync(file, { force: true });
  try {
    await gunzipFile(from, file);
  } catch (e) {
    done();
    logTechnical(`解压备份“${from}”`, e);
    const code = (e as { code?: string }).code ?? '';
    throw new Error(
      code === 'ENOSPC' || code === 'EACCES' || code === 'EPERM'
        ? `无法恢复：无法解压${visible(basename(from))}（磁盘空间不足或没有写入权限），档案保持原样`
        : `无法恢复：${visible(basename(from))}已损坏（无法解压），档案保持原样`,
    );
  }
  return { file, done };
}
