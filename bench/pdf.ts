// PDF corpus benchmark: every PDF of test/fixtures/pdf read through the real reader and parser,
// and per producer (LibreOffice portrait, landscape, narrow columns, 表三 wider than the page,
// page break in 表三, Chromium's 打印本页, published PDFs): files, agency + year + template right,
// key cells right / blank / wrong, every cell against the source file (derived PDFs: its Word file, or the portal page a print was made of),
// 错误 findings on reports whose tables are consistent as printed (errors of the reading), and
// the PDF import rate through the importer; and on how many pages the ruling lines were read from the
// content streams (pdf-rules.ts) or left to pdf.js's operator list, by reason; and in how many files the text
// was read from the content streams (pdf-text.ts) or left to pdf.js, by reason.
//   npm run bench:pdf [-- --list]      (--list: every wrong value and every 错误 of the reading)
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRuntime } from '../src/main/node/runtime.ts';
import { rulingFallbacks, rulingRead } from '../src/main/node/import/readers/pdf-rules.ts';
import { textFallbacks, textRead } from '../src/main/node/import/readers/pdf-text.ts';
import { judgePdf, listPdfCorpus, PDF_CORPUS_DIR, PRODUCERS } from '../test/helpers/pdf-corpus.ts';

const list = process.argv.includes('--list');
const cases = listPdfCorpus();
const zero = () => ({ files: 0, read: 0, meta: 0, total: 0, right: 0, blank: 0, wrong: 0, wrongFiles: 0, compared: 0, allRight: 0, allBlank: 0, allWrong: 0, consistent: 0, errors: 0, errorFiles: 0, secs: 0 });
const rows = new Map(PRODUCERS.map((p) => [p, zero()]));
const all = zero();
const notes: string[] = [];
for (const c of cases) {
  const o = await judgePdf(c);
  for (const s of [rows.get(c.producer)!, all]) {
    s.files++;
    s.secs += o.secs;
    if (!o.read) continue;
    s.read++;
    if (o.meta) s.meta++;
    s.total += o.key.total;
    s.right += o.key.right;
    s.blank += o.key.blank;
    s.wrong += o.key.wrong;
    if (o.wrong.length) s.wrongFiles++;
    if (o.all) {
      s.compared += o.all.compared;
      s.allRight += o.all.right;
      s.allBlank += o.all.blank;
      s.allWrong += o.wrong.length;
    }
    if (c.expected.consistent) {
      s.consistent++;
      s.errors += o.readingErrors.length;
      if (o.readingErrors.length) s.errorFiles++;
    }
  }
  if (!o.read) notes.push(`${c.id}: 未导入（${o.message}）`);
  else if (!o.meta) notes.push(`${c.id}: 单位/年度/格式 ${o.agency ?? '—'} / ${o.year ?? '—'} / ${o.template}（应为 ${c.expected.agency} / ${c.expected.year} / ${c.expected.template}）`);
  if (list) {
    for (const w of o.wrong) notes.push(`${c.id}: 错 ${w}`);
    for (const e of o.readingErrors) notes.push(`${c.id}: 错误 ${e}`);
  }
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
console.log(`PDF corpus: ${cases.length} files (${PDF_CORPUS_DIR})`);
console.log('producer      files  read  agency+year+template  key cells right  blank  wrong  files with a wrong value  every cell right  blank  wrong  错误 of the reading (files)  ms/file');
for (const [p, s] of [...rows, ['all', all] as const]) {
  if (!s.files) continue;
  console.log(
    `${p.padEnd(12)} ${String(s.files).padStart(6)} ${String(s.read).padStart(5)}  ${`${s.meta}/${s.read} ${pct(s.meta, s.read)}`.padStart(20)}  ${`${s.right}/${s.total} ${pct(s.right, s.total)}`.padStart(15)}  ${String(s.blank).padStart(5)}  ${String(s.wrong).padStart(5)}  ${String(s.wrongFiles).padStart(23)}  ${s.compared ? `${s.allRight}/${s.compared} ${pct(s.allRight, s.compared)}`.padStart(16) : '—'.padStart(16)}  ${String(s.allBlank).padStart(5)}  ${String(s.allWrong).padStart(5)}  ${`${s.errors} (${s.errorFiles}/${s.consistent})`.padStart(27)}  ${((1000 * s.secs) / s.files).toFixed(0).padStart(7)}`,
  );
}

const fallbacks = [...rulingFallbacks].map(([why, n]) => `${why} ${n}`).join(', ');
console.log(`ruling lines: read from the content streams on ${rulingRead.pages} pages, left to pdf.js's operator list on ${[...rulingFallbacks.values()].reduce((a, b) => a + b, 0)}${fallbacks ? ` (${fallbacks})` : ''}`);
const textWhy = [...textFallbacks].map(([why, n]) => `${why} ${n}`).join(', ');
console.log(`text: read from the content streams in ${textRead.files} files, left to pdf.js in ${[...textFallbacks.values()].reduce((a, b) => a + b, 0)}${textWhy ? ` (${textWhy})` : ''}`);

// The import rate: the corpus's PDFs alone (copied into a folder without the expected files)
// through the importer into a fresh archive, as a user imports a folder.
const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));
const folder = join(dir, 'pdf');
mkdirSync(folder);
for (const c of cases) copyFileSync(c.path, join(folder, `${c.id.replace('/', '-')}.pdf`));
const rt = openRuntime(join(dir, 'archive.sqlite'));
const t0 = performance.now();
const job = rt.importer.start([folder]);
await rt.importer.wait(job);
const secs = (performance.now() - t0) / 1000;
const pdfs = rt.importer.status(job)!.items.filter((i) => i.path.endsWith('.pdf'));
console.log(`import: ${pdfs.length} PDFs through the importer in ${secs.toFixed(1)} s, ${(pdfs.length / secs).toFixed(1)} files/s; ${pdfs.filter((i) => i.reportId).length} imported`);
await rt.close();
rmSync(dir, { recursive: true, force: true });
if (notes.length) console.log(`\n${notes.join('\n')}`);
