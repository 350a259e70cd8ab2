// restore 备份文件: the backup checked in full, then put in the archive's place (the archive kept aside).
import { basename, resolve } from 'node:path';
import { openableBackup, restoreArchive } from '../../main/node/archive/backup.ts';
import { visible } from '../../shared/visible.ts';
import { USAGE, type CommandArgs } from '../args.ts';

export async function restoreCommand({ rest, db }: CommandArgs): Promise<number> {
  if (rest.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  // Refused, the archive untouched, while another process has it or the backup is no whole
  // archive. A compressed rotated backup (.sqlite.gz) is decompressed beside the archive first.
  const from = resolve(rest[0]);
  const openable = await openableBackup(db, from);
  let aside: string;
  try {
    aside = restoreArchive(db, openable.file, new Date(), undefined, basename(from));
  } finally {
    openable.done();
  }
  console.log(`已从 ${visible(resolve(rest[0]))} 恢复档案 ${visible(db)}；原档案另存为 ${visible(aside)}`);
  return 0;
}
