// search "<检索词>": the app's search, hits marked 【…】 as the window highlights them, or --json.
import { openRuntime } from '../../main/node/runtime.ts';
import { totalText } from '../../shared/search/total.ts';
import { visible } from '../../shared/visible.ts';
import type { CommandArgs } from '../args.ts';

export async function searchCommand({ rest, opts, db }: CommandArgs): Promise<number> {
  const text = rest.join(' ');
  const range = /^(\d{4})(?:\s*[-–~至]\s*(\d{4}))?$/.exec(opts.year ?? '');
  if (opts.year !== undefined && !range) {
    console.error('年度写作 2024 或 2020-2024');
    return 2;
  }
  const rt = openRuntime(db, undefined, 1, {}, { use: '查看' });
  try {
    const res = rt.archive.search({
      text,
      ...(range ? { yearFrom: Number(range[1]), yearTo: Number(range[2] ?? range[1]) } : {}),
      limit: Number(opts.limit ?? 50),
    });
    if ('json' in opts) {
      const hits = res.hits.map((h) => ({ reportId: h.reportId, agency: h.agency, year: h.year, part: h.partName, snippet: h.snippet?.text ?? null }));
      process.stdout.write(`${JSON.stringify({ total: res.total, hits })}\n`);
    } else {
      for (const h of res.hits) {
        const s = h.snippet;
        let line = s?.text ?? '';
        if (s) for (const [a, b] of [...s.highlights].reverse()) line = `${line.slice(0, a)}【${line.slice(a, b)}】${line.slice(b)}`;
        console.log(`#${h.reportId} ${h.agency ? visible(h.agency) : '（未识别单位）'} ${h.year ?? '？'}年度${h.partName ? ` · ${h.partName}` : ''}\n    ${visible(line)}`);
      }
      console.log(`共 ${totalText(res)} 份报告${res.approximate || res.total > res.hits.length ? `，显示前 ${res.hits.length} 份` : ''}。`);
    }
  } finally {
    await rt.close();
  }
  return 0;
}
