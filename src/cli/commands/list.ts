// list: every report of the archive, one line each, by year.
import { openRuntime } from '../../main/node/runtime.ts';
import { STATUS_LABELS } from '../../shared/report/status.ts';
import { TEMPLATE_NAMES } from '../../shared/report/templates/index.ts';
import { visible } from '../../shared/visible.ts';
import type { CommandArgs } from '../args.ts';

export async function listCommand({ db }: CommandArgs): Promise<number> {
  const rt = openRuntime(db, undefined, 1, {}, { use: '查看' });
  try {
    const rows = rt.archive.listReports({ sort: 'year' });
    for (const r of rows)
      console.log([`#${r.id}`, r.year ?? '？', r.agency ? visible(r.agency) : '（未识别单位）', TEMPLATE_NAMES[r.template], STATUS_LABELS[r.status], visible(r.fileName)].join('\t'));
    console.log(`共 ${rows.length} 份报告。档案：${visible(db)}`);
  } finally {
    await rt.close();
  }
  return 0;
}
