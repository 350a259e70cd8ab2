// 整改跟踪 benchmark: a year of N units, each sent a 审核意见 on its first draft (the real-layout
// t2021-errors-2024 under the unit's own name, 15 findings) and half of them revised (the revision
// of fixtures/revised-report.ts): time to build the year's tracking list (every revised unit's
// findings read as shown), 态势 with its counts, and a report page with its rectification.
//   npm run bench:tracking [-- units]
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRuntime } from '../src/main/node/runtime.ts';
import { overview } from '../src/main/node/archive/overview.ts';
import { recordNotice, tracking } from '../src/main/node/archive/notices.ts';
import { buildNotice } from '../src/shared/report/notice.ts';
import { createHandlers } from '../src/main/node/services.ts';
import { FIRST_DRAFT, revisedText } from '../test/fixtures/revised-report.ts';
import { time } from './timing.ts';

const units = Number(process.argv[2] ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-tracking-'));
const first = readFileSync(FIRST_DRAFT, 'utf8');
const second = revisedText();
// Unit names the parser reads as departments: 某市第N号局 would not be a name; use 某市…局 with a distinct word.
const names = Array.from({ length: units }, (_, i) => `某市${String.fromCharCode(0x4e00 + i * 7)}${String.fromCharCode(0x4e00 + i * 13 + 5)}局`);
mkdirSync(join(dir, 'v1'));
mkdirSync(join(dir, 'v2'));
names.forEach((n, i) => {
  writeFileSync(join(dir, 'v1', `${i}.txt`), first.replaceAll('某市教育局', n));
  if (i % 2 === 0) writeFileSync(join(dir, 'v2', `${i}.txt`), second.replaceAll('某市教育局', n));
});
const rt = openRuntime(join(dir, 'a.sqlite'));
await rt.importer.wait(rt.importer.start([join(dir, 'v1')]));
const archive = rt.archive;
const drafts = archive.listReports({ year: 2024 });
for (const r of drafts) recordNotice(archive, r.id, buildNotice(archive.getReport(r.id)!, { officeName: '某市人民政府办公室', deadline: '2025-02-20', disabledRules: [] }), '2025-02-20', '2025-02-10');
await rt.importer.wait(rt.importer.start([join(dir, 'v2')]));


const t = tracking(archive, 2024);
console.log(`tracking benchmark: ${t.rows.length} units with a notice, ${t.rows.filter((r) => r.revised).length} revised, ${t.rows.reduce((s, r) => s + r.findings.length, 0)} findings listed`);
time(`tracking list of the year (${t.rows.length} units)`, () => tracking(archive, 2024), 10);
time('态势 of the year with its 整改 counts', () => overview(archive, 2024), 10);
const api = createHandlers({ archive, importer: rt.importer, pool: rt.pool, platform: {} as never });
const revisedId = t.rows.find((r) => r.revised)!.revised!.id;
time('a revised report as shown (with its rectification)', () => api.getReport({ id: revisedId }), 50);
await rt.close();
