// OCR benchmark: every scan of test/fixtures/scan (PDFs of page pictures at 150, 200 and 300 dpi,
// askew, sealed, folded, photographed, TIFF, real published scans) read through the OCR, the
// parser and the checks, per producer: scans, pages, seconds per page, agency + year + template
// right, character accuracy on the parts (against the source's Word file), key cells right /
// blank / wrong, every cell against the source, and 错误 of the reading.
//   npm run bench:ocr [-- --list] [-- producer ...]     (--list: every wrong value and 错误 of the reading)
import { availableParallelism } from 'node:os';
import { judgeScan, SCANS } from '../test/helpers/scan-corpus.ts';
import { SCAN_PRODUCERS } from '../test/fixtures/scan/index.ts';

const list = process.argv.includes('--list');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const cases = SCANS.filter((c) => !only.length || only.includes(c.producer) || only.includes(c.id));
const zero = () => ({ scans: 0, read: 0, pages: 0, secs: 0, cpu: 0, meta: 0, chars: 0, charN: 0, total: 0, right: 0, blank: 0, wrong: 0, compared: 0, allRight: 0, allBlank: 0, allWrong: 0, errors: 0 });
const rows = new Map<string, ReturnType<typeof zero>>(SCAN_PRODUCERS.map((p) => [p, zero()]));
const all = zero();
const notes: string[] = [];
console.log(`OCR: ${cases.length} scans, ${availableParallelism()} cores`);
for (const c of cases) {
  const o = await judgeScan(c);
  process.stdout.write(`  ${c.id}: ${o.pages} 页 ${(o.secs / o.pages).toFixed(1)} s/页（CPU ${(o.cpu / o.pages).toFixed(1)} s） ${o.read ? `${o.meta ? '单位年度格式对' : `单位/年度/格式 ${o.agency}/${o.year}/${o.template}`} 关键格 ${o.key.right}/${o.key.total} 错 ${o.key.wrong}${o.chars !== undefined ? ` 文字 ${(o.chars * 100).toFixed(1)}%` : ''}` : `未读出：${o.message}`}\n`);
  for (const s of [rows.get(c.producer)!, all]) {
    s.scans++;
    s.pages += o.pages;
    s.secs += o.secs;
    s.cpu += o.cpu;
    if (!o.read) continue;
    s.read++;
    if (o.meta) s.meta++;
    if (o.chars !== undefined) {
      s.chars += o.chars;
      s.charN++;
    }
    s.total += o.key.total;
    s.right += o.key.right;
    s.blank += o.key.blank;
    s.wrong += o.key.wrong;
    if (o.all) {
      s.compared += o.all.compared;
      s.allRight += o.all.right;
      s.allBlank += o.all.blank;
      s.allWrong += o.wrong.length;
    }
    s.errors += o.readingErrors.length;
  }
  if (list) for (const w of [...o.wrong, ...o.readingErrors]) notes.push(`${c.id}  ${w}`);
}
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
console.log('\nproducer        scans pages  s/page  cpu/page  meta   chars   key right/blank/wrong   all cells right/blank/wrong   错误');
for (const [p, s] of [...rows, ['all', all] as const]) {
  if (!s.scans) continue;
  console.log(
    `${p.padEnd(15)} ${String(s.scans).padStart(5)} ${String(s.pages).padStart(5)} ${(s.secs / s.pages).toFixed(1).padStart(7)}  ${(s.cpu / s.pages).toFixed(1).padStart(8)}  ${`${s.meta}/${s.scans}`.padStart(5)}  ${(s.charN ? pct(s.chars, s.charN) : '—').padStart(6)}   ${`${s.right}/${s.blank}/${s.wrong} of ${s.total}`.padStart(20)}   ${`${s.allRight}/${s.allBlank}/${s.allWrong} of ${s.compared}`.padStart(26)}   ${s.errors}`,
  );
}
console.log(`\nkey cells right ${pct(all.right, all.total)}, wrong ${all.wrong}; every cell right ${pct(all.allRight, all.compared)}, wrong ${all.allWrong}; ${(all.secs / all.pages).toFixed(1)} s a page, ${(all.cpu / all.pages).toFixed(1)} CPU-seconds a page (on 2 otherwise idle cores a page takes about half its CPU-seconds: the recogniser runs on 2 threads)`);
if (list && notes.length) console.log(`\n${notes.join('\n')}`);
