// restore 备份文件: the backup checked in full, then put in the archive's place (the archive kept aside).
import { resolve } from 'node:path';
import { restoreArchive } from '../../main/node/archive/backup.ts';
import { visible } from '../../shared/visible.ts';
import { USAGE, type CommandArgs } from '../args.ts';

export async function restoreCommand({ rest, db }: CommandArgs): Promise<number> {
  if (rest.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  // Refused, the archive untouched, while another process has it or the backup is no whole archive.
  const aside = restoreArchive(db, resolve(rest[0]));
  console.log(`已从 ${visible(resolve(rest[0]))} 恢复档案 ${visible(db)}；原档案另存为 ${visible(aside)}`);
  return 0;
}
