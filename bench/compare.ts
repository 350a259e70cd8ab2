// Comparison benchmark: time to build a 2-report and a 6-report comparison of real-length
// reports (tables aligned, indicators, full word-level text diff), and to render the printed
// sheet to PDF in Chromium (the engine Electron's printToPDF uses).
//   npm run bench:compare
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareReports, type CompareInput } from '../src/shared/compare/index.ts';
import { checkReport } from '../src/shared/report/checks/index.ts';
import { parseReport } from '../src/shared/report/parse/index.ts';
import { launchChromium } from '../test/browser/chromium.ts';
import { startHost } from '../test/host/server.ts';

const fixtures = new URL('../test/fixtures/reports/', import.meta.url).pathname;
const files = ['samples/hongze-district-gov-2023.txt', 'samples/hongze-district-gov-2024.txt', 'samples/huaian-city-gov-2024.txt', 'utf8/seed-004.txt', 'utf8/seed-003.txt', 'utf8/seed-001.txt'];
const inputs: CompareInput[] = files.map((f, i) => {
  const r = parseReport(readFileSync(join(fixtures, f), 'utf8').split('\n').map((text) => ({ type: 'p' as const, text })));
  return { id: i + 1, agency: r.agency, agencyGroup: r.agencyNormalized, year: r.year, template: r.template, cells: r.cells, findings: checkReport(r), parts: r.parts, fileName: f };
});
const chars = (c: CompareInput) => c.parts.reduce((s, p) => s + p.text.length, 0);

function time(label: string, f: () => unknown, runs = 20): void {
  f();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  console.log(`${label}: p50 ${ts[Math.floor(runs / 2)].toFixed(1)} ms, max ${ts[runs - 1].toFixed(1)} ms`);
}

console.log(`compare benchmark: reports of ${inputs.map(chars).join(', ')} characters of text`);
time('build a 2-report comparison (hongze 2023 vs 2024, word-level diff of all six parts)', () => compareReports(inputs.slice(0, 2)));
time('build a 2-report comparison, character-level diff', () => compareReports(inputs.slice(0, 2), 'char'));
time('build a 2-report comparison of longer reports (seed 004 vs 003, about 4,400 characters each)', () => compareReports([inputs[3], inputs[4]]));
time('build a 6-report comparison (T2019 and T2021 mixed)', () => compareReports(inputs));

// The printed sheet: the print route rendered by Chromium, as Electron's printToPDF does in
// the app's already running engine; the browser's own start is timed apart.
const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-compare-'));
const host = await startHost({ db: join(dir, 'a.sqlite'), outDir: dir });
const job = host.runtime.importer.start([join(fixtures, 'samples')]);
await host.runtime.importer.wait(job);
const ids = host.runtime.archive.listReports({}).map((r) => r.id).slice(0, 2);
let t = performance.now();
const browser = await launchChromium();
const launch = performance.now() - t;
const page = await browser.newPage();
const pdfTimes: number[] = [];
let size = 0;
for (let i = 0; i < 5; i++) {
  t = performance.now();
  await page.goto(`${host.url}#/print/compare?ids=${ids.join(',')}`);
  await page.waitForFunction(() => document.body.dataset.ready === '1');
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true, displayHeaderFooter: true, footerTemplate: '<span></span>', headerTemplate: '<span></span>' });
  pdfTimes.push(performance.now() - t);
  size = pdf.length;
}
pdfTimes.sort((a, b) => a - b);
console.log(`printed comparison sheet to PDF: p50 ${pdfTimes[2].toFixed(0)} ms, max ${pdfTimes[4].toFixed(0)} ms (${(size / 1024).toFixed(0)} KB); starting Chromium ${launch.toFixed(0)} ms once`);
await browser.close();
await host.close();
