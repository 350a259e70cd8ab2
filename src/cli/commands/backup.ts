// backup --out 备份文件: SQLite's online backup (safe while the archive is in use), checked.
import { resolve } from 'node:path';
import { Archive } from '../../main/node/archive/archive.ts';
import { backupTo } from '../../main/node/archive/backup.ts';
import { visible } from '../../shared/visible.ts';
import { USAGE, type CommandArgs } from '../args.ts';

export async function backupCommand({ opts, db }: CommandArgs): Promise<number> {
  if (!opts.out) {
    console.error(USAGE);
    return 2;
  }
  const archive = new Archive(db, { use: '备份' });
  try {
    const b = await backupTo(archive.db, resolve(opts.out));
    console.log(`已备份：${visible(b.file)}（${b.reports} 份报告，完整性检查通过）`);
  } finally {
    archive.close();
  }
  return 0;
}
