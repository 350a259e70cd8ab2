import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mayCall, METHOD_NAMES, PAGE_METHODS, parseArgs, PRELOAD_ONLY, SHEET_METHODS } from '../../src/shared/contract/index.ts';

describe('contract argument validation', () => {
  it('accepts well-formed arguments', () => {
    expect(parseArgs('getReport', { id: 3 })).toEqual({ id: 3 });
    expect(parseArgs('listReports', { year: 2020, onlyProblems: true })).toEqual({ year: 2020, onlyProblems: true });
  });

  it('rejects bad, extra and unknown arguments with a Chinese message', () => {
    expect(() => parseArgs('getReport', { id: -1 })).toThrow(/^请求参数不正确$/);
    expect(() => parseArgs('getReport', { id: 1, path: '/etc/passwd' })).toThrow(/^请求参数不正确$/);
    expect(() => parseArgs('startImport', { grant: '../../x' })).toThrow(/^请求参数不正确$/);
    expect(() => parseArgs('nope' as never, {})).toThrow(/^未知的调用$/);
    expect(() => parseArgs('toString' as never, {})).toThrow(/^未知的调用$/);
    // The contract's own Chinese reasons are kept; zod's English is not.
    expect(() => parseArgs('correctMetaMany', { ids: [1] })).toThrow(/^请求参数不正确：单位和年度至少填一项$/);
  });

  it('lists every method once', () => {
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length);
    expect(METHOD_NAMES).toContain('startImport');
  });
});

describe('who may call what', () => {
  it('lets a printed sheet read what it prints and nothing else', () => {
    expect(mayCall('page', 'removeReport')).toBe(true);
    expect(mayCall('sheet', 'compare')).toBe(true);
    for (const m of ['removeReport', 'correctCell', 'startImport', 'chooseImportSources', 'grantDroppedPaths', 'printSheet', 'startBatch', 'mergeAgencies', 'openOriginal', 'restoreBackup', 'backupToFolder', 'backupNow', 'listBackups'] as const) expect(mayCall('sheet', m)).toBe(false);
  });

  it('allows every call the print views make (in Electron they come from a sheet window)', () => {
    const views = new URL('../../src/renderer/views/', import.meta.url);
    const files = readdirSync(views).filter((f) => f.startsWith('Print')).map((f) => new URL(f, views));
    // The app shell's own call on mount runs on print routes too.
    // …and the crops of originals the check sheet and the notice print beside their findings.
    const sources = [...files, new URL('../../src/renderer/components/print.tsx', import.meta.url), new URL('../../src/renderer/components/OriginalCrops.tsx', import.meta.url)].map((f) => readFileSync(f, 'utf8'));
    const called = new Set(sources.flatMap((src) => [...src.matchAll(/\bapi\.(\w+)\(/g)].map((m) => m[1])));
    expect(called.size).toBeGreaterThanOrEqual(4);
    for (const m of [...called, 'appInfo']) expect(SHEET_METHODS, m).toContain(m);
  });
});
