// Numbers reports state in words, and the table cells they correspond to. The checks compare
// them with the tables (N1–N3); for free-form reports before 2019 they are the only numbers.
import type { TableId } from '../model.ts';

export interface Claim {
  rule: string;
  re: RegExp;
  what: string;
  cells: { table: TableId; row: string; col: string }[];
}

export const CLAIMS: Claim[] = [
  {
    rule: 'N1',
    re: /(?:共|全年|累计)(?:收到|受理|新收|接收)(?:[^。；，,]{0,16}?)(?:政府信息公开|依申请公开)(?:申请)?(?:件数)?[为共计]?(\d+)(?:件|个|份)/,
    what: '表三“一、本年新收政府信息公开申请数量”的总计',
    cells: [{ table: 't3', row: 'new', col: 'total' }],
  },
  {
    rule: 'N2',
    re: /(?:政府信息公开)?行政复议(?:案件)?(?:共|合计)?(\d+)(?:件|起)/,
    what: '表四“行政复议”的总计',
    cells: [{ table: 't4', row: 'review', col: 'total' }],
  },
  {
    rule: 'N3',
    re: /(?:政府信息公开)?行政诉讼(?:案件)?(?:共|合计)?(\d+)(?:件|起)/,
    what: '表四“行政诉讼”两项总计之和',
    cells: [
      { table: 't4', row: 'suit_direct', col: 'total' },
      { table: 't4', row: 'suit_after', col: 'total' },
    ],
  },
];

/** Numbers the text states for table 二's 行政规范性文件 row (T2021): where its cells ran together, they decide the reading. */
export const T2_CLAIMS: { re: RegExp; col: 'issued' | 'inForce' }[] = [
  { re: /(?:制发|发布|出台|印发|制定)(?:了)?(?:行政)?规范性文件(?:共)?(\d+)(?:件|份|个)/, col: 'issued' },
  { re: /现行有效(?:的)?(?:行政)?规范性文件(?:共|总数)?(?:为)?(\d+)(?:件|份|个)/, col: 'inForce' },
];

/** The text the claims are looked for in: parts 一, 三 and 四, white space removed. */
export function claimText(parts: { no: number; text: string }[]): string {
  return parts
    .filter((p) => p.no === 1 || p.no === 3 || p.no === 4 || p.no === 7)
    .map((p) => p.text)
    .join('\n')
    .replace(/[\s\u3000]+/g, '');
}
