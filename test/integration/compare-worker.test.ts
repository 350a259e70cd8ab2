// Comparisons run in the worker pool, so a long text diff never holds up main: the result is
// the one built in place, and a comparison goes ahead of files waiting to be parsed.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';
import { compareReports, type CompareInput } from '../../src/shared/compare/index.ts';

let rt: Runtime;
let inputs: CompareInput[];
const samples = new URL('../fixtures/reports/samples/', import.meta.url).pathname;

beforeAll(async () => {
  rt = openRuntime(join(mkdtempSync(join(tmpdir(), 'nianbao-cmpw-')), 'a.sqlite'), undefined, 1);
  await rt.importer.wait(rt.importer.start([join(samples, 'hongze-district-gov-2023.txt'), join(samples, 'hongze-district-gov-2024.txt')]));
  inputs = rt.archive.listReports({ sort: 'year' }).map((r) => rt.archive.compareInput(r.id)!).reverse();
});
afterAll(async () => rt?.close());

describe('comparison in a worker', () => {
  it('gives the comparison built in place', async () => {
    const inWorker = await rt.pool.compare(inputs, 'word');
    expect(inWorker).toEqual(compareReports(inputs, 'word'));
    const line = inWorker.tables.flatMap((t) => t.lines).find((l) => l.table === 't3' && l.row === 'new' && l.col === 'total')!;
    expect(line.delta).toBe(74);
  });

  it('goes ahead of files queued for parsing', async () => {
    const order: string[] = [];
    const bytes = new Uint8Array(readFileSync(join(samples, 'huaian-city-gov-2024.txt')));
    const parses = [1, 2, 3].map(() => rt.pool.run(bytes, '.txt').then(() => order.push('parse')));
    const cmp = rt.pool.compare(inputs, 'char').then(() => order.push('compare'));
    await Promise.all([...parses, cmp]);
    // One worker: the first file was already on it; the comparison comes right after.
    expect(order).toEqual(['parse', 'compare', 'parse', 'parse']);
  });
});
