// A scan is read alone (import/pool.ts): its OCR process (~100-220 MB) beside other files' workers
// was the top of the import's peak (bench/import-hostile.ts). Asserted on the
// pool's own record of what it started, asked and ended, not on timing: no OCR request while another
// file is read, no file started while a scan is read, and the OCR process ended with the last scan.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Archive } from '../../src/main/node/archive/archive.ts';
import { Importer } from '../../src/main/node/import/importer.ts';
import { ParsePool, type ScheduleEvent } from '../../src/main/node/import/pool.ts';
import { defaultWorkerUrl } from '../../src/main/node/runtime.ts';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const SCAN = '洪泽区人民政府2024年政府信息公开工作年度报告（扫描件）.pdf';
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('a scan in the parse pool', () => {
  it('asks the OCR only while its file is the one read, starts no file beside it, and ends the OCR process after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-scan-alone-'));
    mkdirSync(join(dir, 'in'));
    // Ordinary files before and after the scan, so that it starts beside one and others wait behind it.
    const texts = readdirSync(join(fixtures, 'reports/utf8'));
    texts.slice(0, 2).forEach((f) => cpSync(join(fixtures, 'reports/utf8', f), join(dir, 'in', `a-${f}`)));
    // Two copies of a scan (distinct bytes): read at once by the two workers, one's OCR waits for the other's file.
    const scan = readFileSync(join(fixtures, 'scan', SCAN));
    for (const n of [1, 2]) writeFileSync(join(dir, 'in', `b-scan-${n}.pdf`), Buffer.concat([scan, Buffer.from(`\n%${n}\n`)]));
    texts.slice(2).forEach((f) => cpSync(join(fixtures, 'reports/utf8', f), join(dir, 'in', `c-${f}`)));
    for (const f of ['seed-001.docx', 'seed-004.docx']) cpSync(join(fixtures, 'reports/word', f), join(dir, 'in', `c-${f}`));
    const archive = new Archive(join(dir, 'archive.sqlite'));
    const events: ScheduleEvent[] = [];
    const pool = new ParsePool({ workerUrl: defaultWorkerUrl(), size: 2, onSchedule: (e) => events.push(e) });
    close = async () => {
      await pool.close();
      archive.close();
    };
    const importer = new Importer(archive, pool);
    const id = importer.start([join(dir, 'in')]);
    await importer.wait(id);
    const s = importer.status(id)!;
    expect(s.items.map((i) => i.status)).toEqual(s.items.map(() => 'imported'));
    expect(s.items).toHaveLength(readdirSync(join(dir, 'in')).length);

    const scans = events.flatMap((e) => (e.at === 'start' && e.name?.startsWith('b-scan') ? [e.id] : []));
    expect(scans).toHaveLength(2);
    const asks = events.flatMap((e) => (e.at === 'ocr-ask' ? [e] : []));
    expect(new Set(asks.map((e) => e.id))).toEqual(new Set(scans));
    expect(asks.filter((e) => e.beside !== 0)).toEqual([]);
    // From a scan's first OCR request to its end, no file started.
    for (const id of scans) {
      const first = events.findIndex((e) => e.at === 'ocr-ask' && e.id === id);
      const end = events.findIndex((e) => e.at === 'end' && e.id === id);
      expect(events.slice(first, end).filter((e) => e.at === 'start')).toEqual([]);
    }
    // A scan's OCR waited for the file read beside it, then went on.
    expect(events.filter((e) => e.at === 'ocr-wait').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.at === 'ocr-go').length).toBe(events.filter((e) => e.at === 'ocr-wait').length);
    // The OCR process ended with the last scan, before the next file started (not after its idle wait).
    const last = Math.max(...scans.map((id) => events.findIndex((e) => e.at === 'end' && e.id === id)));
    expect(events[last + 1]).toEqual({ at: 'ocr-ended' });
    expect(events.filter((e) => e.at === 'ocr-ended')).toHaveLength(1);
    expect(events.slice(last + 2).some((e) => e.at === 'start')).toBe(true);
  }, 180_000);
});
