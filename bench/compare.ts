// Comparison benchmark: time to build a 2-report and a 6-report comparison of real-length
// reports (tables aligned, indicators, full word-level text diff), and to render the printed
// sheet to PDF in Chromium (the engine Electron's printToPDF uses).
//   npm run bench:compare
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareReports, type CompareInput } from '../src/shared/compare/index.ts';
import { checkReport } from '../src/shared/report/checks/index.ts';
import { parseReport } from '../src/shared/report/parse/index.ts';
import { startHost } from '../test/host/server.ts';
import { time } from './timing.ts';

const fixtures = new URL('../test/fixtures/reports/', import.meta.url).pathname;
const files = ['samples/hongze-district-gov-2023.txt', 'samples/hongze-district-gov-2024.txt', 'samples/huaian-city-gov-2024.txt', 'utf8/seed-004.txt', 'utf8/seed-003.txt', 'utf8/seed-001.txt'];
const inputs: CompareInput[] = files.map((f, i) => {
  const r = parseReport(readFileSync(join(fixtures, f), 'utf8').split('\n').map((text) => ({ type: 'p' as const, text })));
  return { id: i + 1, agency: r.agency, agencyGroup: r.agencyNormalized, year: r.year, template: r.template, cells: r.cells, findings: checkReport(r), parts: r.parts, fileName: f };
});
const chars = (c: CompareInput) => c.parts.reduce((s, p) => s + p.text.length, 0);


console.log(`compare benchmark: reports of ${inputs.map(chars).join(', ')} characters of text`);
time('build a 2-report comparison (hongze 2023 vs 2024, word-level diff of all six parts)', () => compareReports(inputs.slice(0, 2)));
time('build a 2-report comparison, character-level diff', () => compareReports(inputs.slice(0, 2), 'char'));
time('build a 2-report comparison of longer reports (seed 004 vs 003, about 4,400 characters each)', () => compareReports([inputs[3], inputs[4]]));
time('build a 6-report comparison (T2019 and T2021 mixed)', () => compareReports(inputs));

// Many reports are longer than the fixtures: two of 15,000 characters or more, made of the
// fixtures' own paragraphs, the later year keeping two thirds of the earlier one's.
const paragraphs = inputs.flatMap((r) => r.parts.flatMap((p) => p.text.split('\n'))).filter((p) => p.length > 20);
let seed = 7;
const pick = () => paragraphs[(seed = (seed * 48271) % 2147483647) % paragraphs.length];
const longParts = (base?: CompareInput['parts']) =>
  inputs[3].parts.map((p, i) => {
    const keep = base ? base[i].text.split('\n').filter((_, j) => j % 3 !== 0) : [];
    const fresh = Array.from({ length: base ? Math.ceil(keep.length / 2) : 16 }, pick);
    return { ...p, text: [...keep, ...fresh].join('\n') };
  });
const earlier = { ...inputs[3], id: 11, parts: longParts() };
const later = { ...inputs[4], id: 12, parts: longParts(earlier.parts) };
console.log(`long reports: ${chars(earlier)} and ${chars(later)} characters of text`);
time('build a 2-report comparison of long reports, word-level', () => compareReports([earlier, later]), 10);
time('build a 6-report comparison with the two long reports among them', () => compareReports([earlier, later, ...inputs.slice(0, 4)]), 10);

// The printed sheet through the service, as the app's "保存为PDF" does it: the print route
// rendered by the headless printer (the CLI's, and the test host's, in place of Electron's
// printToPDF). The first sheet also starts the browser.
const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-compare-'));
const host = await startHost({ db: join(dir, 'a.sqlite'), outDir: dir });
const job = host.runtime.importer.start([join(fixtures, 'samples')]);
await host.runtime.importer.wait(job);
const ids = host.runtime.archive.listReports({}).map((r) => r.id).slice(0, 2);
const save = async (sheet: object = { sheet: 'compare', ids }) => {
  const t = performance.now();
  const res = await fetch(`${host.url}api/printSheet`, { method: 'POST', body: JSON.stringify({ ...sheet, action: 'save' }) });
  const env = (await res.json()) as { ok: boolean; value?: { path?: string }; error?: string };
  if (!env.ok || !env.value?.path) throw new Error(env.error ?? 'no PDF');
  return { ms: performance.now() - t, size: statSync(env.value.path).size };
};
const first = await save();
const pdfTimes: number[] = [];
let size = 0;
for (let i = 0; i < 5; i++) {
  const r = await save();
  pdfTimes.push(r.ms);
  size = r.size;
}
pdfTimes.sort((a, b) => a - b);
console.log(`printed comparison sheet to PDF, the same sheet again: p50 ${pdfTimes[2].toFixed(0)} ms, max ${pdfTimes[4].toFixed(0)} ms (${(size / 1024).toFixed(0)} KB); the first, starting the browser, ${first.ms.toFixed(0)} ms`);
// As in a year batch: a different sheet each time, on the page already loaded.
const batchTimes: number[] = [];
for (let i = 0; i < 6; i++) batchTimes.push((await save(i % 2 ? { sheet: 'summary', year: 2024 } : { sheet: 'compare', ids: i % 4 ? ids : [...ids].reverse() })).ms);
batchTimes.sort((a, b) => a - b);
console.log(`one sheet after another (comparison, summary, ...): p50 ${batchTimes[3].toFixed(0)} ms, max ${batchTimes[5].toFixed(0)} ms`);
await host.close();
