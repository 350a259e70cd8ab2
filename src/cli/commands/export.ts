// export --format csv|json: every cell of every report (CSV, one row a cell) or the reports as JSON.
import { createWriteStream, writeFileSync } from 'node:fs';
import { exportCsv, exportJson } from '../../main/node/export/archive-export.ts';
import { openRuntime } from '../../main/node/runtime.ts';
import { USAGE, type CommandArgs } from '../args.ts';

export async function exportCommand({ opts, db }: CommandArgs): Promise<number> {
  const format = opts.format;
  if (format !== 'csv' && format !== 'json') {
    console.error(USAGE);
    return 2;
  }
  const rt = openRuntime(db, undefined, 1, {}, { use: '查看' });
  try {
    if (format === 'json') {
      const json = exportJson(rt.archive);
      if (opts.out) writeFileSync(opts.out, json);
      else process.stdout.write(`${json}\n`);
    } else if (opts.out) {
      // Excel reads UTF-8 CSV correctly only with a byte order mark.
      const out = createWriteStream(opts.out);
      out.write('\uFEFF');
      for (const line of exportCsv(rt.archive)) out.write(line);
      await new Promise<void>((res, rej) => out.end((e?: Error) => (e ? rej(e) : res())));
    } else for (const line of exportCsv(rt.archive)) process.stdout.write(line);
  } finally {
    await rt.close();
  }
  return 0;
}
