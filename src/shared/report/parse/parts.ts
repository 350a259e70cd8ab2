// The six parts (seven before 2019: 收费及减免): headings found by their numbering and topic.
import type { Unit } from './units.ts';
import { norm } from './normalize.ts';
import { T3_ROWS } from '../templates/t3.ts';

/** 〇 一 二 … 十: the numerals parts and items are numbered with. */
export const CN_NUMERALS = '〇一二三四五六七八九十';
/** 第三部分 */
export const partOrdinal = (no: number) => `第${CN_NUMERALS[no]}部分`;

export const PART_TITLES: Record<number, string> = {
  1: '一、总体情况',
  2: '二、主动公开政府信息情况',
  3: '三、收到和处理政府信息公开申请情况',
  4: '四、政府信息公开行政复议、行政诉讼情况',
  5: '五、存在的主要问题及改进情况',
  6: '六、其他需要报告的事项',
  7: '政府信息公开的收费及减免情况',
};

// Checked in this order: a heading about 复议 also mentions 申请, so 四 comes before 三.
const TOPICS: [number, RegExp][] = [
  [6, /其他需要?报告|其他事项|其他需要说明/],
  [4, /复议|诉讼/],
  [7, /收费|减免/],
  [5, /问题|改进/],
  [3, /依申请|收到和处理|申请公开|公开申请|申请情况/],
  [2, /主动公开/],
  [1, /总体(?:工作)?情况|概述|综述|基本情况|概况/],
];

// Table 三's own rows start like headings ("四、结转下年度继续办理", "2.申请人逾期未按收费通知…")
// and are not: any line naming one of its rows, by the template's own keys, is a cell.
const T3_KEYS = T3_ROWS.flatMap((r) => r.keys.map(norm));
const notHeading = (title: string) => /本年度办理结果|申请数量/.test(title) || T3_KEYS.some((k) => title.includes(k));
const MARKER = /^(?:[一二三四五六七八][、.，,\s]|[1-8][、.．]|第[一二三四五六七八]部分[，,：:\s]?)\s*/;

/** Where each part stands in a report: 收费及减免 (7, the pre-2019 form's part 四) between 三 and 四. */
const ORDER: Record<number, number> = { 1: 1, 2: 2, 3: 3, 7: 3.5, 4: 4, 5: 5, 6: 6 };

export interface Heading {
  no: number;
  unit: number;
  text: string;
}

export function findHeadings(units: Unit[]): Heading[] {
  const candidates: (Heading & { arabic: boolean })[] = [];
  for (const u of units) {
    if (u.kind !== 'line') continue;
    // A tab before the text is a table cell in the tab layout; a heading has none inside either.
    if (u.text.startsWith('\t')) continue;
    const line = u.text.trim();
    if (line.includes('|') || line.includes('\t') || line.length > 48) continue;
    const n = line.normalize('NFKC');
    const m = MARKER.exec(n);
    if (!m) continue;
    const title = norm(n.slice(m[0].length));
    if (title.length < 2 || notHeading(title) || /[。；]$/.test(title) || /。/.test(title)) continue;
    const topic = TOPICS.find(([, re]) => re.test(title));
    if (topic) candidates.push({ no: topic[0], unit: u.index, text: line, arabic: /^[1-8]/.test(m[0]) });
  }
  // Parts numbered 一、二、 make "1.依申请公开政府信息办理情况" inside 总体情况 a sub-item, not
  // part 三: an Arabic-numbered heading counts only where it keeps the order of the parts the
  // report numbers in Chinese ("1、总体情况" before "二、主动公开…" is part 一 mistyped).
  const found = new Map<number, Heading>();
  for (const c of candidates) if (!c.arabic && !found.has(c.no)) found.set(c.no, { no: c.no, unit: c.unit, text: c.text });
  const chinese = [...found.values()];
  const inOrder = (c: Heading) => chinese.every((h) => (ORDER[h.no] < ORDER[c.no] ? h.unit < c.unit : h.unit > c.unit));
  for (const c of candidates) if (c.arabic && !found.has(c.no) && inOrder(c)) found.set(c.no, { no: c.no, unit: c.unit, text: c.text });
  return [...found.values()].sort((a, b) => a.unit - b.unit);
}
