// The 备份与恢复 operations behind the contract: a backup now (into 备份/ or a folder the user
// picks), the list, and a restore while the app runs. Integrity checks run in a worker, so a
// large archive's check never holds up main; paths come from main's own dialogs or from the
// day that names a rotated backup, never from the renderer.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Handlers } from '../../../shared/contract/index.ts';
import type { ParsePool } from '../import/pool.ts';
import { logTechnical } from '../import/reasons.ts';
import type { Archive } from './archive.ts';
import { localDay, localTime } from '../../../shared/dates.ts';
import { backupDir, backupTo, backupToday, listBackups, openableBackup, restoreArchive, rotatedFile } from './backup.ts';
import { holders, inUseMessage } from './lock.ts';

export interface BackupDeps {
  archive: Archive;
  pool: ParsePool;
  /** Why the archive may not be swapped now (an import or batch running), or null. */
  busy(): string | null;
  chooseFolder(): Promise<string | null>;
  chooseArchiveFile(): Promise<string | null>;
}

type BackupHandlers = Pick<Handlers, 'backupNow' | 'listBackups' | 'backupToFolder' | 'restoreBackup'>;

/** 年报档案备份-2026-12-01-0930.sqlite: sorts by time, and says what it is on a USB stick. */
export function folderBackupName(d = new Date()): string {
  return `年报档案备份-${localDay(d)}-${localTime(d)}.sqlite`;
}

export function backupHandlers({ archive, pool, busy, chooseFolder, chooseArchiveFile }: BackupDeps): BackupHandlers {
  const check = (file: string) => pool.checkArchive(file);
  return {
    backupNow: async () => {
      try {
        const b = await backupToday(archive.db, archive.path, new Date(), check);
        return { message: `已备份 ${b.reports} 份报告：${b.file}`, path: b.file };
      } catch (e) {
        return { message: (e as Error).message }; // backupTo's own Chinese sentence
      }
    },
    listBackups: () => ({
      archivePath: archive.path,
      // The file and its write-ahead log: between checkpoints, recent work lives in the log.
      archiveBytes: statSync(archive.path).size + (statSync(`${archive.path}-wal`, { throwIfNoEntry: false })?.size ?? 0),
      reports: archive.count(),
      folder: backupDir(archive.path),
      backups: listBackups(archive.path, false).map(({ date, reports, bytes }) => ({ date, reports, bytes })),
    }),
    backupToFolder: async () => {
      const folder = await chooseFolder();
      if (!folder) return null;
      try {
        const b = await backupTo(archive.db, join(folder, folderBackupName()), check);
        return { message: `已备份 ${b.reports} 份报告到：${b.file}`, path: b.file };
      } catch (e) {
        return { message: (e as Error).message };
      }
    },
    restoreBackup: async (args) => {
      const why = busy();
      if (why) return { restored: false, message: `${why}，请等它结束后再恢复。` };
      // Another process (a CLI import) has the archive: said before the clerk picks a file.
      const other = holders(archive.path)[0];
      if (other) return { restored: false, message: inUseMessage(other, '恢复') };
      const from = 'date' in args ? rotatedFile(backupDir(archive.path), args.date) : await chooseArchiveFile();
      if (!from) return null;
      if (!existsSync(from)) return { restored: false, message: `无法恢复：找不到${'date' in args ? ` ${args.date} 的` : '这份'}备份` };
      // A compressed backup is decompressed beside the archive first, then checked whole like any other.
      let openable: { file: string; done: () => void };
      try {
        openable = await openableBackup(archive.path, from);
      } catch (e) {
        return { restored: false, message: (e as Error).message };
      }
      let aside = '';
      try {
        const checked = await check(openable.file);
        if (!checked.ok) return { restored: false, message: `无法恢复：${basename(from)}${checked.why}` };
        archive.reopenWith(
          () => (aside = restoreArchive(archive.path, openable.file, new Date(), checked, basename(from))),
          () => putBack(archive.path, aside),
        );
      } catch (e) {
        logTechnical(`从“${from}”恢复`, e);
        const own = e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message.replace(/^无法恢复：/, '').replace(/。$/, '') : '备份文件无法打开';
        return { restored: false, message: `无法恢复：${own}。档案保持原样。` };
      } finally {
        openable.done();
      }
      return { restored: true, message: `已从 ${basename(from)} 恢复档案（${archive.count()} 份报告）；恢复前的档案另存为 ${aside}` };
    },
  };
}

/** Undoes restoreArchive: the copied backup goes, the file saved aside comes back. */
function putBack(archivePath: string, aside: string): void {
  if (!aside) return; // nothing was moved
  for (const ext of ['', '-wal', '-shm']) rmSync(archivePath + ext, { force: true });
  for (const ext of ['', '-wal', '-shm']) if (existsSync(aside + ext)) renameSync(aside + ext, archivePath + ext);
}
