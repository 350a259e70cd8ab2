// The scan corpus's index (test/fixtures/scan/index.ts): every listed scan is on disk with its
// expected file, nothing on disk is left out of the list, and every expected cell is a key cell
// its source report has (a derived scan can only hide a source's cell, never invent one).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LISTED, REAL_DIR, SCAN_DIR, SCAN_PRODUCERS, SCANS } from '../fixtures/scan/index.ts';

/** Scan files on disk: a PDF, image or TIFF file, or a folder of page images (one listed path). */
function onDisk(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    const names = readdirSync(dir);
    if (dir !== SCAN_DIR && names.length && names.every((n) => /\.(jpe?g|png|tiff?)$/i.test(n))) return void out.push(relative(SCAN_DIR, dir));
    for (const n of names) {
      const p = join(dir, n);
      if (p === join(SCAN_DIR, 'print')) continue; // the printed pages a scan was made from, not a scan
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(pdf|jpe?g|png|tiff?)$/i.test(n)) out.push(relative(SCAN_DIR, p));
    }
  };
  walk(SCAN_DIR);
  return out.sort();
}

/** Every key cell any report of the real corpus has: the keys a real scan's expected file may use. */
function keyCells(): Set<string> {
  const keys = new Set<string>();
  for (const id of readdirSync(REAL_DIR)) {
    const f = join(REAL_DIR, id, 'expected.json');
    if (existsSync(f)) for (const k of Object.keys(JSON.parse(readFileSync(f, 'utf8')).cells ?? {})) keys.add(k);
  }
  return keys;
}

describe('scan corpus index', () => {
  it('lists every scan on disk, and only those', () => {
    expect(LISTED.map(([p]) => p).sort()).toEqual(onDisk());
  });

  for (const s of SCANS) {
    it(s.id, () => {
      expect(SCAN_PRODUCERS).toContain(s.producer);
      expect(existsSync(s.path), s.path).toBe(true);
      const kindOf = statSync(s.path).isDirectory() ? 'folder' : /\.pdf$/i.test(s.path) ? 'pdf' : /\.tiff?$/i.test(s.path) ? 'tiff' : 'image';
      expect(s.kind).toBe(kindOf);
      if (s.kind === 'folder') {
        // The photos in page order, every one there and no other file in the folder.
        expect(s.files?.length).toBe(s.pages);
        for (const f of s.files!) expect(existsSync(f), f).toBe(true);
        expect(readdirSync(s.path).sort()).toEqual(s.files!.map((f) => f.slice(f.lastIndexOf('/') + 1)).sort());
      }
      if (s.from) {
        const src = JSON.parse(readFileSync(join(REAL_DIR, s.from, 'expected.json'), 'utf8')) as { cells?: Record<string, unknown> };
        const theirs = Object.keys(src.cells ?? {}).sort();
        expect(Object.keys(s.cells).sort()).toEqual(theirs);
        for (const k of Object.keys(s.covered)) expect(theirs, `covered ${k}`).toContain(k);
        for (const k of Object.keys(s.covered)) expect(s.cells[k]).toBeNull();
        if (s.reference) expect(existsSync(s.reference), s.reference).toBe(true);
        expect(existsSync(join(SCAN_DIR, '..', (s.facts as { print: string }).print))).toBe(true);
      } else {
        const keys = keyCells();
        for (const k of Object.keys(s.cells)) expect(keys, k).toContain(k);
      }
      expect(s.template === 'pre2019' || s.year >= 2019).toBe(true);
    });
  }
});
