// When the archive will not open at start: what the clerk reads (never SQLite's English) and
// the newest backup that passes the integrity check, to offer in its place.
import { existsSync } from 'node:fs';
import { checkArchiveFile, listBackups, type BackupInfo } from './backup.ts';
import { isGzip } from './backup-gzip.ts';

export interface OpenFailure {
  message: string;
  /** The newest sound backup beside the archive, if any. */
  backup: BackupInfo | null;
}

export function openFailure(archivePath: string, e: unknown): OpenFailure {
  const code = (e as { code?: string }).code ?? '';
  const text = e instanceof Error ? e.message : String(e);
  const damaged = code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT') || /not a database|malformed/i.test(text);
  let message: string;
  if (damaged) message = '档案文件已损坏，无法打开。';
  else if (code.startsWith('SQLITE_BUSY') || /locked|busy/i.test(text)) message = '档案文件正被另一个程序使用，无法打开。请关闭另一个年报档案窗口后再试。';
  else if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EPERM')
    message = '没有权限打开或写入档案文件，请检查文件和所在文件夹的权限。';
  else if (code === 'SQLITE_FULL' || code === 'ENOSPC') message = '磁盘空间不足，无法打开档案文件。';
  else if (/[\u4e00-\u9fff]/.test(text)) message = text; // ours already (e.g. a newer schema)
  else message = '无法打开档案文件。';
  // A backup is offered only for a damaged file: a busy or unwritable one is fine where it is.
  // Newest first, each fully checked until one passes (a compressed one by the count it was checked with
  // when made: restoring decompresses and checks it whole).
  const backup = damaged && existsSync(archivePath) ? (listBackups(archivePath, false).find((b) => b.reports >= 0 && (isGzip(b.file) || checkArchiveFile(b.file).ok)) ?? null) : null;
  return { message: `${message}\n档案文件：${archivePath}`, backup };
}
