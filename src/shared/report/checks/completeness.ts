// C1–C3: what a complete report has: the six parts, the three tables, and (from 2021) a word
// on 信息处理费 in part 六 (国办函〔2020〕109号).
import type { Finding, ParsedReport } from '../model.ts';
import { PART_TITLES, partOrdinal } from '../parse/parts.ts';
import { TABLE_TITLES } from '../templates/types.ts';

export function checkCompleteness(r: Pick<ParsedReport, 'template' | 'parts' | 'cells' | 'year'>): Finding[] {
  const out: Finding[] = [];
  if (r.template === 'unknown') return out;
  const has = (n: number) => r.parts.some((p) => p.no === n);
  for (let n = 1; n <= 6; n++)
    if (!has(n))
      out.push({ rule: 'C1', severity: 'warning', message: `缺少${partOrdinal(n)}“${PART_TITLES[n].slice(2)}”（文件可能不完整或标题写法无法识别）`, cells: [] });
  if (r.template === 'T2019' || r.template === 'T2021') {
    for (const t of ['t2', 't3', 't4'] as const) {
      const n = r.cells.filter((c) => c.table === t).length;
      if (n === 0) out.push({ rule: 'C2', severity: 'warning', message: `缺少${TABLE_TITLES[t]}`, cells: [] });
    }
  }
  const six = r.parts.find((p) => p.no === 6);
  if ((r.template === 'T2021' || (r.year ?? 0) >= 2021) && six && !/处理费/.test(six.text))
    out.push({
      rule: 'C3',
      severity: 'warning',
      message: '第六部分“其他需要报告的事项”没有说明信息处理费的收取情况（2021年起的报告应当说明，依据国办函〔2020〕109号）',
      cells: [],
    });
  return out;
}
