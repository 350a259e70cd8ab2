// import <文件夹|文件>...: files into the archive, each reason for a file not imported on its own line.
// import --pages <文件夹>...: each folder one report's page pictures, imported as that one report.
import { resolve } from 'node:path';
import { openRuntime } from '../../main/node/runtime.ts';
import { visible } from '../../shared/visible.ts';
import { USAGE, type CommandArgs } from '../args.ts';
import { importEndLine } from '../import-end.ts';

const ITEM_LABEL = { imported: '已导入', duplicate: '重复', skipped: '跳过', failed: '失败' };

export async function importCommand({ rest, opts, db }: CommandArgs): Promise<number> {
  if (rest.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const rt = openRuntime(db, undefined, undefined, {}, { use: '导入' });
  try {
    const id = rt.importer.start(
      rest.map((p) => resolve(p)),
      { pages: 'pages' in opts },
    );
    const timer = setInterval(() => {
      const s = rt.importer.status(id)!;
      if (process.stderr.isTTY) process.stderr.write(`\r正在导入 ${s.done}/${s.total} ${visible(s.current ?? '')}`.padEnd(60).slice(0, 80));
    }, 200);
    await rt.importer.wait(id);
    clearInterval(timer);
    const s = rt.importer.status(id)!;
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (s.warning) console.error(`注意：${s.warning}`);
    // Names and messages (which quote names) shown safely: a name cannot forge a line.
    for (const it of s.items) if (it.status !== 'imported' || it.message !== '已导入') console.log(`[${ITEM_LABEL[it.status]}] ${visible(it.path)}：${visible(it.message)}`);
    console.log(importEndLine(s, db));
    return s.stopped ? 1 : 0;
  } finally {
    await rt.close();
  }
}
