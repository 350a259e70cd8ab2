// Import benchmark: builds a corpus of N distinct reports in mixed formats from the fixtures
// and imports it into a fresh archive, printing reports/second and peak memory; then imports
// the published forms (PDF, web page, .mht) of the real-report corpus on their own, per form.
//   npm run bench:import -- [N]        (default 1000)
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { timedImport } from './timed-import.ts';
import { Archive } from '../src/main/node/archive/archive.ts';
import { areaSummary, withAreaFindings } from '../src/main/node/archive/area.ts';
import { overview } from '../src/main/node/archive/overview.ts';

const N = Number(process.argv[2] ?? 1000);
const fixtures = new URL('../test/fixtures/reports/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
const corpus = join(dir, 'corpus');
mkdirSync(corpus);

// Sources by format; each copy is made distinct (a numbered line in text, trailing bytes in
// Word files, which readers ignore) so the importer parses every one instead of skipping it.
const sources: { path: string; kind: 'utf8' | 'gb18030' | 'utf16le' | 'word' }[] = [];
for (const sub of ['utf8', 'gb18030', 'utf16le', 'samples', 'word']) {
  for (const f of readdirSync(join(fixtures, sub))) {
    if (f.includes('really')) continue;
    const kind = sub === 'word' ? 'word' : sub === 'samples' ? 'utf8' : (sub as 'utf8' | 'gb18030' | 'utf16le');
    sources.push({ path: join(fixtures, sub, f), kind });
  }
}
for (let i = 0; i < N; i++) {
  const src = sources[i % sources.length];
  const bytes = readFileSync(src.path);
  const name = `${String(i).padStart(5, '0')}-${src.path.split('/').pop()}`;
  const stamp = `\n编号：${i}\n`;
  let out: Uint8Array;
  if (src.kind === 'word') out = Buffer.concat([bytes, Buffer.from(`\0bench${i}`)]);
  else if (src.kind === 'utf16le') out = Buffer.concat([bytes, Buffer.from(stamp, 'utf16le')]);
  else if (src.kind === 'gb18030') out = Buffer.concat([bytes, Buffer.from(`\n${i}\n`)]); // ASCII is the same in GB18030
  else out = Buffer.concat([bytes, Buffer.from(stamp, 'utf8')]);
  writeFileSync(join(corpus, name), out);
}
const corpusBytes = readdirSync(corpus).reduce((s, f) => s + statSync(join(corpus, f)).size, 0);

const { secs, peak, status: s, archiveBytes: dbBytes } = await timedImport(dir, [corpus]);
// What the quick_check on every open costs on this archive: median of 5 opens with and without.
const openMs = (check: boolean) => {
  const t: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    new Archive(join(dir, 'archive.sqlite'), { check }).close();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[2];
};
const [withCheck, without] = [openMs(true), openMs(false)];
// What the area pages and a government's report (its A1 findings) cost on this archive: median of 5.
const median = (f: () => unknown) => {
  const t: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[2];
};
const archive = new Archive(join(dir, 'archive.sqlite'));
const busiest = [...archive.years()].sort((a, b) => archive.listReports({ year: b }).length - archive.listReports({ year: a }).length)[0];
const gov = archive.listReports({ sort: 'year' }).find((r) => /人民政府$/.test(r.agency ?? ''));
const area = {
  reports: archive.listReports({ year: busiest }).length,
  directory: median(() => archive.directory()),
  sum: median(() => areaSummary(archive, busiest)),
  overview: median(() => overview(archive, busiest)),
  report: gov ? median(() => withAreaFindings(archive, archive.getReport(gov.id)!)) : null,
};
archive.close();
rmSync(dir, { recursive: true, force: true });

const mb = (n: number) => (n / 1048576).toFixed(1);
console.log(`import benchmark: ${N} files (${mb(corpusBytes)} MB; txt in UTF-8/GB18030/UTF-16LE, .docx, .doc), ${availableParallelism()} CPU cores`);
console.log(`  imported ${s.counts.imported}, duplicate ${s.counts.duplicate}, failed ${s.counts.failed}`);
console.log(`  time ${secs.toFixed(2)} s, ${(s.counts.imported / secs).toFixed(1)} reports/s`);
console.log(`  peak RSS ${mb(peak)} MB (the process tree: main, its worker threads, an OCR process), archive ${mb(dbBytes)} MB`);
console.log(`  opening the archive: ${withCheck.toFixed(0)} ms with its quick_check, ${without.toFixed(0)} ms without (median of 5)`);
console.log(
  `  area of ${busiest} (${area.reports} reports): 单位目录 ${area.directory.toFixed(0)} ms, 区域汇总 ${area.sum.toFixed(0)} ms, 态势 ${area.overview.toFixed(0)} ms, ${gov ? `${gov.agency} ${gov.year} with its A1 findings ${area.report!.toFixed(0)} ms` : 'no government report to show'} (median of 5)`,
);

// Per form: each published form of the corpus of real reports, copied until there are PER files
// (made distinct by trailing bytes the readers ignore), imported into a fresh archive alone.
const PER = Math.max(20, Math.round(N / 10));
const real = new URL('../test/fixtures/real/', import.meta.url).pathname;
const forms: Record<string, string[]> = { pdf: [], html: [], mht: [], flat: [] };
for (const d of readdirSync(real)) {
  for (const [form, file] of [['pdf', 'report.pdf'], ['pdf', 'original.pdf'], ['html', 'report.html'], ['mht', 'report.mht'], ['flat', 'page.txt']] as const) {
    const f = join(real, d, file);
    if (statSync(f, { throwIfNoEntry: false })) forms[form].push(f);
  }
}
console.log(`per form (${PER} files each, from the corpus of real reports):`);
for (const [form, files] of Object.entries(forms)) {
  const fdir = mkdtempSync(join(tmpdir(), `nianbao-bench-${form}-`));
  mkdirSync(join(fdir, 'in'));
  for (let i = 0; i < PER; i++) {
    const src = files[i % files.length];
    const ext = src.slice(src.lastIndexOf('.'));
    const pad = ext === '.pdf' ? `\n%bench ${i}\n` : ext === '.txt' ? `\n编号：${i}\n` : `\n<!-- bench ${i} -->\n`;
    writeFileSync(join(fdir, 'in', `${String(i).padStart(4, '0')}${ext}`), Buffer.concat([readFileSync(src), Buffer.from(pad)]));
  }
  const { secs: fsecs, peak: fpeak, status: st } = await timedImport(fdir, [join(fdir, 'in')]);
  rmSync(fdir, { recursive: true, force: true });
  console.log(`  ${form.padEnd(5)} imported ${st.counts.imported}/${PER} (failed ${st.counts.failed}) in ${fsecs.toFixed(2)} s: ${(st.counts.imported / fsecs).toFixed(1)} reports/s, peak RSS ${mb(fpeak)} MB`);
}


// The hostile set in a process of its own, so its peak is not the passes above's.
import { spawnSync } from 'node:child_process';
spawnSync(process.execPath, [new URL('./import-hostile.ts', import.meta.url).pathname], { stdio: 'inherit' });
