import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, parseArgs } from '../../src/shared/contract/index.ts';

describe('contract argument validation', () => {
  it('accepts well-formed arguments', () => {
    expect(parseArgs('getReport', { id: 3 })).toEqual({ id: 3 });
    expect(parseArgs('listReports', { year: 2020, onlyProblems: true })).toEqual({ year: 2020, onlyProblems: true });
  });

  it('rejects bad, extra and unknown arguments with a Chinese message', () => {
    expect(() => parseArgs('getReport', { id: -1 })).toThrow(/调用参数不正确/);
    expect(() => parseArgs('getReport', { id: 1, path: '/etc/passwd' })).toThrow(/调用参数不正确/);
    expect(() => parseArgs('startImport', { grant: '../../x' })).toThrow(/调用参数不正确/);
    expect(() => parseArgs('nope' as never, {})).toThrow(/未知的调用/);
  });

  it('lists every method once', () => {
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length);
    expect(METHOD_NAMES).toContain('startImport');
  });
});
