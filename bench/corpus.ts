// Corpus benchmark: imports every file of the corpus of real reports (test/fixtures/real) into a
// fresh archive through the importer, as a user would, and prints per form how much of what was
// read by hand the archive holds: agency + year + template right, key cells right / blank /
// wrong, reports with a false error, cells marked 推断. Then checks that search finds every
// report whose text holds a word. Then the national corpus (test/fixtures/national): each excerpt
// parsed as the importer parses a .txt, and per province and per level how often agency, year and
// template are right, blank (not found) or wrong, and its key cells.
//   npm run bench:corpus [-- --list]      (--list: every cell, agency, year that is not right)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRuntime } from '../src/main/node/runtime.ts';
import { processFile } from '../src/main/node/import/process-file.ts';
import { againstReference, CORPUS_DIR, evaluate, listCorpus } from '../test/helpers/corpus.ts';
import { count, emptyTally, judge, LEVELS, listNational, type Tally } from '../test/helpers/national.ts';

const list = process.argv.includes('--list');
const corpus = listCorpus();
const byPath = new Map(corpus.flatMap((r) => r.files.map((f) => [f.path, { r, f }] as const)));
const dir = mkdtempSync(join(tmpdir(), 'nianbao-corpus-'));
const rt = openRuntime(join(dir, 'archive.sqlite'));
const t0 = performance.now();
const job = rt.importer.start([CORPUS_DIR]);
await rt.importer.wait(job);
const secs = (performance.now() - t0) / 1000;
const status = rt.importer.status(job)!;

interface Row { files: number; imported: number; meta: number; cells: number; right: number; blank: number; wrong: number; falseError: number; inferred: number }
const forms = new Map<string, Row>();
const row = (form: string) => forms.get(form) ?? forms.set(form, { files: 0, imported: 0, meta: 0, cells: 0, right: 0, blank: 0, wrong: 0, falseError: 0, inferred: 0 }).get(form)!;
const misses: string[] = [];
for (const item of status.items) {
  const hit = byPath.get(item.path);
  if (!hit) continue;
  const s = row(hit.f.form);
  s.files++;
  // The same bytes twice in the corpus (a form copied) is imported once; read the stored report.
  if (!item.reportId) {
    misses.push(`${hit.r.id}/${hit.f.name}: ${item.status} ${item.message}`);
    continue;
  }
  const rep = rt.archive.getReport(item.reportId)!;
  s.imported++;
  // What was read in this form: the file's own cells, not those its report takes from its other files.
  const o = evaluate({ agency: rep.agency, year: rep.year, template: rep.template, cells: rt.archive.fileCellsOf(item.reportId), findings: rep.findings }, hit.r.expected);
  if (o.agency && o.year && o.template) s.meta++;
  else misses.push(`${hit.r.id}/${hit.f.name}: ${!o.agency ? `单位 ${rep.agency} ≠ ${hit.r.expected.agency} ` : ''}${!o.year ? `年度 ${rep.year} ≠ ${hit.r.expected.year} ` : ''}${!o.template ? `格式 ${rep.template} ≠ ${hit.r.expected.template}` : ''}`);
  for (const c of o.cells) {
    s.cells++;
    s[c.verdict]++;
    if (c.verdict === 'wrong' || (list && c.verdict === 'blank')) misses.push(`${hit.r.id}/${hit.f.name}: ${c.key} ${c.verdict === 'wrong' ? '错' : '空'}（应为 ${c.expected}，得到 ${c.actual ?? '—'}）`);
  }
  if (o.falseErrors.length) {
    s.falseError++;
    misses.push(`${hit.r.id}/${hit.f.name}: 误报 ${o.falseErrors.map((f) => f.rule).join(' ')}`);
  }
  s.inferred += o.inferred;
}

// Every cell, not only the key ones, against the clean copy (tabs.txt) of the same report.
const reportOf = new Map(status.items.filter((i) => i.reportId).map((i) => [i.path, i.reportId!]));
const all = new Map<string, { compared: number; right: number; blank: number; wrong: number }>();
for (const r of corpus) {
  const clean = r.files.find((f) => f.name === 'tabs.txt');
  const refId = clean && reportOf.get(clean.path);
  if (!refId) continue;
  const ref = rt.archive.fileCellsOf(refId);
  for (const f of r.files) {
    const id = reportOf.get(f.path);
    if (!id || f === clean) continue;
    const o = againstReference(rt.archive.fileCellsOf(id), ref);
    const s = all.get(f.form) ?? all.set(f.form, { compared: 0, right: 0, blank: 0, wrong: 0 }).get(f.form)!;
    s.compared += o.compared;
    s.right += o.right;
    s.blank += o.blank;
    s.wrong += o.wrong.length;
    for (const w of o.wrong) misses.push(`${r.id}/${f.name}: ${w}（与整理稿 tabs.txt 不符）`);
  }
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
console.log(`corpus: ${corpus.length} reports, ${new Set(corpus.map((r) => r.expected.agency)).size} agencies, ${byPath.size} files; imported in ${secs.toFixed(1)} s`);
console.log('form       files  imported  agency+year+template  key cells right  blank  wrong  false errors  inferred cells');
for (const [form, s] of [...forms].sort()) {
  console.log(
    `${form.padEnd(10)} ${String(s.files).padStart(5)}  ${String(s.imported).padStart(8)}  ${`${s.meta}/${s.imported} ${pct(s.meta, s.imported)}`.padStart(20)}  ${`${s.right}/${s.cells} ${pct(s.right, s.cells)}`.padStart(15)}  ${String(s.blank).padStart(5)}  ${String(s.wrong).padStart(5)}  ${String(s.falseError).padStart(12)}  ${String(s.inferred).padStart(14)}`,
  );
}
console.log('every cell, against the clean copy of the same report (17 reports):');
for (const [form, s] of [...all].sort()) console.log(`  ${form.padEnd(9)} ${s.right}/${s.compared} right (${pct(s.right, s.compared)}), blank ${s.blank}, wrong ${s.wrong}`);
const total = [...forms.values()].reduce((a, s) => ({ meta: a.meta + s.meta, imported: a.imported + s.imported, right: a.right + s.right, cells: a.cells + s.cells, wrong: a.wrong + s.wrong }), { meta: 0, imported: 0, right: 0, cells: 0, wrong: 0 });
console.log(`all forms: agency+year+template ${pct(total.meta, total.imported)}, key cells ${pct(total.right, total.cells)}, wrong values ${total.wrong}`);

// Search sees the whole document: every report whose text holds the word is found, once (a
// report is found by the file of record of its version; a file that is a copy counts for it).
for (const word of ['纠正', '信息处理费', '依申请公开']) {
  const holding = new Set<number>();
  for (const item of status.items) {
    const hit = byPath.get(item.path);
    if (!item.reportId || !hit || hit.f.form === 'pdf') continue;
    const file = rt.archive.getReport(item.reportId)!;
    const report = file.copyOf ?? file.id;
    if (rt.archive.getReport(report)!.record && readText(hit.f.path).includes(word)) holding.add(report);
  }
  // Pages of 100, the most one search call returns.
  const found = new Set<number>();
  for (let offset = 0; ; offset += 100) {
    const page = rt.archive.search({ text: word, limit: 100, offset });
    for (const h of page.hits) found.add(h.reportId);
    if (offset + 100 >= page.total) break;
  }
  const missed = [...holding].filter((id) => !found.has(id));
  console.log(`search “${word}”: ${holding.size - missed.length} of ${holding.size} text reports that contain it found`);
}
if (misses.length) console.log(`\n${misses.join('\n')}`);
await rt.close();
rmSync(dir, { recursive: true, force: true });
await national();

async function national() {
  const reports = listNational();
  const byProvince = new Map<string, Tally>();
  const byLevel = new Map<string, Tally>(LEVELS.map((l) => [l, emptyTally()]));
  const all = emptyTally();
  const off: string[] = [];
  let refused = 0;
  for (const r of reports) {
    for (const f of r.files) {
      const e = r.expected;
      const res = await processFile(readFileSync(f.path), f.name.slice(f.name.lastIndexOf('.')), { fileName: f.name });
      const parsed = res.ok ? { ...res.report, findings: res.findings } : { agency: null, year: null, template: 'unknown' as const, cells: [], findings: [] };
      if (!res.ok) {
        refused++;
        off.push(`${r.id}: 未导入（${res.message}）`);
      }
      const o = judge(parsed, e);
      for (const t of [byProvince.get(e.province) ?? byProvince.set(e.province, emptyTally()).get(e.province)!, byLevel.get(e.level)!, all]) count(t, o);
      const show = (v: string) => v === 'wrong' || (list && v === 'blank');
      if (show(o.agency)) off.push(`${r.id}: 单位${o.agency === 'wrong' ? '错' : '空'} ${parsed.agency ?? '—'}（应为 ${e.agency ?? '无'}，${e.agencyHow}）`);
      if (show(o.year)) off.push(`${r.id}: 年度${o.year === 'wrong' ? '错' : '空'} ${parsed.year ?? '—'}（应为 ${e.year ?? '无'}，${e.yearHow}）`);
      if (show(o.template)) off.push(`${r.id}: 格式${o.template === 'wrong' ? '错' : '空'} ${parsed.template}（应为 ${e.template}，${e.templateHow}）`);
      for (const c of o.cells) if (show(c.verdict)) off.push(`${r.id}: ${c.key} ${c.verdict === 'wrong' ? '错' : '空'}（应为 ${c.expected}，得到 ${c.actual ?? '—'}）`);
    }
  }
  const rbw = (v: Record<string, number>) => `${v.right}/${v.blank}/${v.wrong}`;
  const line = (name: string, t: Tally) =>
    `${name.padEnd(9)}${String(t.reports).padStart(4)}  ${`${t.agency.right} ${pct(t.agency.right, t.reports)}`.padStart(11)} ${rbw(t.agency).padStart(8)}  ${`${t.year.right} ${pct(t.year.right, t.reports)}`.padStart(11)} ${rbw(t.year).padStart(8)}  ${`${t.template.right} ${pct(t.template.right, t.reports)}`.padStart(11)} ${rbw(t.template).padStart(8)}  ${rbw(t.cells).padStart(9)}`;
  console.log(`\nnational corpus: ${reports.length} reports of ${byProvince.size} provinces${refused ? `, ${refused} refused as no report` : ''} (right/blank/wrong; a blank template is “unknown”)`);
  const header = 'reports    agency right   r/b/w    year right   r/b/w  template right  r/b/w  cells r/b/w';
  console.log(`province ${header}`);
  for (const [p, t] of [...byProvince].sort((a, b) => a[0].localeCompare(b[0], 'zh'))) console.log(line(p, t));
  console.log(line('all', all));
  console.log(`level    ${header}`);
  for (const [l, t] of byLevel) if (t.reports) console.log(line(l, t));
  if (off.length) console.log(`\n${off.join('\n')}`);
}

function readText(path: string): string {
  const b = readFileSync(path);
  return path.endsWith('.txt') ? b.toString('utf8') : '';
}
