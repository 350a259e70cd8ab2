// The last line of a CLI import: 导入完成 with the counts, or, when the import stopped itself
// (a full disk), why and how many of its files were never imported.
import type { ImportStatus } from '../shared/contract/types.ts';
import { visible } from '../shared/visible.ts';

export function importEndLine(s: ImportStatus, db: string): string {
  const counts = `导入 ${s.counts.imported} 份，重复 ${s.counts.duplicate} 份，跳过 ${s.counts.skipped} 个，失败 ${s.counts.failed} 个`;
  if (!s.stopped) return `导入完成：${counts}。档案：${visible(db)}`;
  const again = s.stopped.startsWith('磁盘空间不足') ? '腾出空间后再导入一次，已导入的文件会自动跳过。' : '';
  return `${s.stopped}（已${counts}）。${again}档案：${visible(db)}`;
}
