// Findings grouped for reading: many of one rule in one table become one line, errors first.
import { describe, expect, it } from 'vitest';
import { groupFindings } from '../../src/shared/report/checks/groups.ts';
import type { Finding } from '../../src/shared/report/model.ts';

const blank = (row: string, col: string): Finding => ({ rule: 'V2', severity: 'warning', message: `表三“${row}”行“${col}”列为空白`, cells: [{ table: 't3', row, col }] });

describe('groupFindings', () => {
  it('folds many blank cells of one table into one line that holds them all, after the errors', () => {
    const r1: Finding = { rule: 'R1', severity: 'error', message: 'R1 自然人列不相等', cells: [{ table: 't3', row: 'new', col: 'natural' }] };
    const blanks = ['natural', 'business', 'research', 'public'].map((c) => blank('r1', c));
    const t4: Finding = { rule: 'V2', severity: 'warning', message: '表四一格为空白', cells: [{ table: 't4', row: 'review', col: 'upheld' }] };
    const groups = groupFindings([...blanks, t4, r1]);
    expect(groups.map((g) => [g.severity, g.title, g.findings.length])).toEqual([
      ['error', 'R1 自然人列不相等', 1],
      ['warning', '表三有 4 个格子为空白或“/”等符号，不是数字（不按0计算），相关勾稽关系无法核对', 4],
      ['warning', '表四一格为空白', 1],
    ]);
    expect(groups[1].findings).toEqual(blanks);
  });

  it('keeps two findings of a rule as they are', () => {
    const two = [blank('r1', 'natural'), blank('r1', 'legal')];
    expect(groupFindings(two).map((g) => g.title)).toEqual(two.map((f) => f.message));
  });

  it('names the rule’s sum when a consistency rule fails many times', () => {
    const r2 = ['r1', 'r2', 'r7'].map((row): Finding => ({ rule: 'R2', severity: 'error', message: row, cells: [{ table: 't3', row, col: 'total' }] }));
    expect(groupFindings(r2)[0].title).toBe('表三有 3 处不符合 R2：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他');
  });
});
