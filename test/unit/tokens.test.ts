// Cells of a text line whose table lost its separators: where a number is a cell and where it
// is part of a word.
import { expect, it } from 'vitest';
import { splitText } from '../../src/shared/report/parse/tokens.ts';

it('takes a count word followed by another number as a cell, and keeps a number inside words in its label', () => {
  // 表二 政府集中采购 as a web page flattens it: 1个 | 246900元.
  expect(splitText('政府集中采购1个246900元')).toEqual(['政府集中采购', '1', '个', '246900元']);
  expect(splitText('在3个月内答复')).toEqual(['在3个月内答复']);
  expect(splitText('第二十条第1项信息')).toEqual(['第二十条第1项信息']);
  expect(splitText('规章000行政规范性文件008')).toEqual(['规章', '000', '行政规范性文件', '008']);
});
