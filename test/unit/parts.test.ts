// Which lines are the six parts' headings: a report numbering its parts 一、二、 keeps its
// "1.依申请公开…" sub-items inside 总体情况; "1、总体情况" before "二、…" is part 一 mistyped.
// Lines as real reports print them (a 乡's 2020 report; seed-001).
import { expect, it } from 'vitest';
import { findHeadings } from '../../src/shared/report/parse/parts.ts';
import { toUnits } from '../../src/shared/report/parse/units.ts';
import type { DocBlock } from '../../src/shared/doc/blocks.ts';

const units = (lines: string[]) => toUnits(lines.map((text) => ({ type: 'p', text }) as DocBlock));
const heads = (lines: string[]) => findHeadings(units(lines).units).map((h) => [h.no, h.text]);

it('keeps Arabic-numbered sub-items of 总体情况 out of the parts when the parts are numbered in Chinese', () => {
  expect(
    heads([
      '团结乡2020年政府信息公开工作年度报告',
      '一、总体情况',
      ' (一)政府信息公开情况',
      '1.依申请公开政府信息办理情况',
      '2020年度我乡未接到提出公开政府信息的申请。',
      '3.主动公开信息情况',
      '4.政府信息公开的收费及减免情况',
      '5.因政府信息公开申请提起行政复议、行政诉讼的情况',
      '二、主动公开政府信息情况',
      '第二十条第(一)项',
    ]),
  ).toEqual([
    [1, '一、总体情况'],
    [2, '二、主动公开政府信息情况'],
  ]);
  expect(heads(['1、 总体情况', '二、政府信息主动公开情况', '三、依申请公开政府信息情况']).map((h) => h[0])).toEqual([1, 2, 3]);
});

it('drops a portal’s account links above the title', () => {
  const u = units(['登录 |   注册', '团结乡2020年政府信息公开工作年度报告', '一、总体情况']);
  expect(u.units.map((x) => (x.kind === 'line' ? x.text.trim() : ''))).not.toContain('登录 |   注册');
  expect(u.notes.map((n) => n.code)).toContain('portal-chrome');
});
