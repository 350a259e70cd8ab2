// Hostile set: what issue 11 measured at 2.36 GB resident. Damaged, encrypted, bombs, cyclic
// .doc sector chains, a report followed by 15 MB on one line, a page of 150,000 elements, a scan,
// lying extensions; each copy distinct. The bound to hold: the whole import under 500 MB resident.
//   node bench/import-hostile.ts      (run by npm run bench:import, in its own process)
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timedImport } from './timed-import.ts';
import { damagedDocs } from '../test/helpers/ole-damage.ts';

const fixtures = new URL('../test/fixtures/reports/', import.meta.url).pathname;
const mb = (n: number) => (n / 1048576).toFixed(1);
const hdir = mkdtempSync(join(tmpdir(), 'nianbao-bench-hostile-'));
mkdirSync(join(hdir, 'in'));
const bad = new URL('../test/fixtures/bad/', import.meta.url).pathname;
const seed = readFileSync(join(fixtures, 'utf8', readdirSync(join(fixtures, 'utf8'))[0]), 'utf8');
const kinds: [string, Uint8Array][] = readdirSync(bad).map((f) => [f, new Uint8Array(readFileSync(join(bad, f)))]);
for (const [name, bytes] of Object.entries(damagedDocs(new Uint8Array(readFileSync(join(fixtures, 'word', 'seed-004.doc'))))))
  kinds.push([`${name}.doc`, bytes]);
kinds.push(['long-line.txt', Buffer.from(seed + '\n' + '字'.repeat(5_000_000))]); // 15 MB of UTF-8 on one line
kinds.push(['many-elements.html', Buffer.from(`<html><body>${'<p>一</p>'.repeat(150_000)}</body></html>`)]);
kinds.push(['scan.pdf', new Uint8Array(readFileSync(new URL('../test/fixtures/scan/', import.meta.url).pathname + readdirSync(new URL('../test/fixtures/scan/', import.meta.url).pathname)[0]))]);
kinds.push(['pdf-named.docx', new Uint8Array(readFileSync(join(bad, 'encrypted.pdf')))]);
const COUNT = 300;
let hostileBytes = 0;
for (let i = 0; i < COUNT; i++) {
  const [name, bytes] = kinds[i % kinds.length];
  const out = Buffer.concat([bytes, Buffer.from(name.endsWith('.txt') ? `\n${i}\n` : `\0${i}`)]);
  hostileBytes += out.length;
  writeFileSync(join(hdir, 'in', `${String(i).padStart(4, '0')}-${name}`), out);
}
const { secs: hsecs, peak: hpeak, status: hst } = await timedImport(hdir, [join(hdir, 'in')]);
const english = hst.items.filter((x) => x.message && /[A-Za-z]{5,}/.test(x.message.replace(/\.(docx?|pdf|txt|html?|mht|wps|xlsx?)/gi, ''))).length;
rmSync(hdir, { recursive: true, force: true });
console.log(`hostile set: ${COUNT} files (${mb(hostileBytes)} MB, ${kinds.length} kinds) in ${hsecs.toFixed(2)} s`);
console.log(`  imported ${hst.counts.imported}, failed ${hst.counts.failed}, reasons with English words ${english}; peak RSS ${mb(hpeak)} MB (bound 500 MB: ${hpeak < 500 * 1048576 ? 'held' : 'EXCEEDED'})`);
