// check <文件夹|文件>...: drafts (a filled 填报模板 too) checked before publication with the same
// readers, parser and checks, nothing stored; --out writes a 审核意见 for each report with findings.
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { ParsePool } from '../../main/node/import/pool.ts';
import { walk } from '../../main/node/import/walk.ts';
import { defaultOcrUrl, defaultWorkerUrl } from '../../main/node/runtime.ts';
import { noticeDocx } from '../../main/node/export/notice-docx.ts';
import { fileSafe } from '../../shared/print-page.ts';
import { buildNotice } from '../../shared/report/notice.ts';
import { findingLabel, STATUS_LABELS, statusOf } from '../../shared/report/status.ts';
import { TEMPLATE_NAMES } from '../../shared/report/templates/index.ts';
import { visible } from '../../shared/visible.ts';
import { USAGE, type CommandArgs } from '../args.ts';

export async function checkCommand({ rest, opts }: CommandArgs): Promise<number> {
  if (rest.length === 0) {
    console.error(USAGE);
    return 2;
  }
  if (opts.deadline !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.deadline)) throw new Error('整改期限写作 2025-02-20 这样的日期');
  return checkFiles(rest.map((p) => resolve(p)), opts.out ? { dir: resolve(opts.out), office: opts.office ?? '', deadline: opts.deadline ?? null } : null);
}

async function checkFiles(paths: string[], notices: { dir: string; office: string; deadline: string | null } | null): Promise<number> {
  const pool = new ParsePool({ workerUrl: defaultWorkerUrl(), ocrEntry: defaultOcrUrl() });
  let errors = 0;
  let failed = 0;
  let files = 0;
  try {
    for await (const f of walk(paths)) {
      if (!f.importable) continue;
      const res = await pool.run(new Uint8Array(await readFile(f.path)), extname(f.path));
      if (!res.ok && res.code === 'not-template') continue; // a workbook beside the drafts, not one of them
      files++;
      if (!res.ok) {
        failed++;
        console.log(`✗ ${visible(f.path)}\n    无法检查：${visible(res.message)}`);
        continue;
      }
      const r = res.report;
      const status = statusOf(r.complete, res.findings);
      const head = `${r.agency ? visible(r.agency) : '（未识别单位）'} ${r.year ?? '？'}年度 ${TEMPLATE_NAMES[r.template]}`;
      console.log(`${status === 'error' ? '✗' : status === 'ok' ? '✓' : '!'} ${visible(f.path)}\n    ${head}：${STATUS_LABELS[status]}`);
      // Findings and notes quote the document's own words.
      for (const x of res.findings) console.log(`    [${findingLabel(x)} ${x.rule}] ${visible(x.message)}`);
      for (const n of r.notes) console.log(`    [说明] ${visible(n.message)}`);
      if (status === 'error') errors++;
      if (notices && res.findings.length) {
        const n = buildNotice({ ...r, findings: res.findings }, { officeName: notices.office, deadline: notices.deadline, disabledRules: [] });
        mkdirSync(notices.dir, { recursive: true });
        const out = join(notices.dir, `${fileSafe(`审核意见_${r.agency ?? basename(f.path)}${r.year ? `_${r.year}年度` : ''}`)}.docx`);
        writeFileSync(out, await noticeDocx(n));
        console.log(`    已写出审核意见：${visible(out)}`);
      }
    }
  } finally {
    await pool.close();
  }
  console.log(`检查了 ${files} 个文件：${errors} 个有错误，${failed} 个无法读取。`);
  return errors > 0 || failed > 0 ? 1 : 0;
}
