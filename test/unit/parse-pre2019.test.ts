// A free-form report from before 2019 (seven parts, incl. 收费及减免; GB18030; CRLF): parts
// kept, and the numbers its text states about applications kept with their sentence.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { readText } from '../../src/main/node/import/readers/text.ts';
import { parseReport } from '../../src/shared/report/parse/index.ts';

it('parses a pre-2019 free-form report', () => {
  const content = readText(new Uint8Array(readFileSync(new URL('../fixtures/pre2019/minzheng-2017-gb18030.txt', import.meta.url))));
  expect(content.encoding).toBe('GB18030');
  const r = parseReport(content.blocks);
  expect([r.agency, r.year, r.date, r.template, r.complete]).toEqual(['某县民政局', 2017, '2018-03-20', 'pre2019', true]);
  expect(r.parts.map((p) => [p.no, p.heading])).toEqual([
    [1, '一、概述'],
    [2, '二、主动公开政府信息情况'],
    [3, '三、依申请公开政府信息情况'],
    [7, '四、政府信息公开的收费及减免情况'],
    [4, '五、因政府信息公开申请行政复议和提起行政诉讼情况'],
    [5, '六、政府信息公开工作存在的主要问题及改进措施'],
    [6, '七、其他需要报告的事项'],
  ]);
  expect(r.cells.map((c) => [c.table, c.row, c.col, c.value.num, c.source])).toEqual([
    ['t3', 'new', 'total', 7, '正文：“共受理政府信息公开申请7件”'],
    ['t4', 'review', 'total', 1, '正文：“政府信息公开行政复议1件”'],
  ]);
});
