import { describe, expect, it } from 'vitest';
import { Grants } from '../../src/main/node/services/grants.ts';

describe('grants', () => {
  it('hands the paths behind a token once, and says in Chinese when it is spent', () => {
    const g = new Grants();
    const { grant, labels } = g.grant(['/a/报告.docx', '/b/']);
    expect(labels).toEqual(['报告.docx', 'b']);
    expect(g.take(grant)).toEqual(['/a/报告.docx', '/b/']);
    expect(() => g.take(grant)).toThrow('导入授权已失效，请重新选择文件或文件夹');
  });

  it('keeps only the latest unused grants (a self-check’s 导入档案 grant is often never used)', () => {
    const g = new Grants();
    const first = g.grant(['/x']).grant;
    const tokens = Array.from({ length: 64 }, (_, i) => g.grant([`/f${i}`]).grant);
    expect(() => g.take(first)).toThrow('导入授权已失效');
    expect(g.take(tokens[0])).toEqual(['/f0']);
    expect(g.take(tokens[63])).toEqual(['/f63']);
  });
});
