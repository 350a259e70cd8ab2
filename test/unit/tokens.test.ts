// Cells of a text line whose table lost its separators: where a number is a cell and where it
// is part of a word.
import { expect, it } from 'vitest';
import { splitText, tokenize } from '../../src/shared/report/parse/tokens.ts';
import { toUnits } from '../../src/shared/report/parse/units.ts';
import { parseT2, parseT3 } from '../../src/shared/report/parse/tables.ts';
import type { DocBlock } from '../../src/shared/doc/blocks.ts';

it('takes a count word followed by another number as a cell, and keeps a number inside words in its label', () => {
  // 表二 政府集中采购 as a web page flattens it: 1个 | 246900元.
  expect(splitText('政府集中采购1个246900元')).toEqual(['政府集中采购', '1', '个', '246900元']);
  expect(splitText('在3个月内答复')).toEqual(['在3个月内答复']);
  expect(splitText('第二十条第1项信息')).toEqual(['第二十条第1项信息']);
  expect(splitText('规章000行政规范性文件008')).toEqual(['规章', '000', '行政规范性文件', '008']);
});

it('says which unit it took for a 采购总金额 written without one, and keeps the value that unit gives', () => {
  const units = toUnits([{ type: 'p', text: '第二十条第（九）项' }, { type: 'p', text: '信息内容  采购项目数量  采购总金额' }, { type: 'p', text: '政府集中采购  1  8040' }, { type: 'p', text: '政府集中采购  2  1234567' }] as DocBlock[]).units;
  const small = parseT2(tokenize(units, 0, 3), 'T2019');
  expect(small.cells.find((c) => c.col === 'amount')?.value).toMatchObject({ num: 8040, unit: '万元' });
  expect(small.notes.map((n) => n.message)).toEqual(['表二 政府集中采购“采购总金额”写作“8040”，没有写单位，按数值判断为万元（记为8040万元），请核对']);
  const big = parseT2(tokenize([units[0], units[1], units[3]], 0, 3), 'T2019');
  expect(big.cells.find((c) => c.col === 'amount')?.value).toMatchObject({ num: 123.4567, unit: '万元' });
  expect(big.notes.map((n) => n.message)).toEqual(['表二 政府集中采购“采购总金额”写作“1234567”，没有写单位，按数值判断为元，已换算为123.4567万元，请核对']);
});

it('finds no table 三, and says nothing of one, in a sentence that quotes two of its labels', () => {
  // As a 街道's 2022 report writes it in 总体情况.
  const units = toUnits([{ type: 'p', text: '全年新收政府信息公开申请数量0件,上年结转政府信息公开申请数量0件。' }] as DocBlock[]).units;
  const t3 = parseT3(tokenize(units, 0, 1));
  expect(t3.cells).toEqual([]);
  expect(t3.notes).toEqual([]);
});
