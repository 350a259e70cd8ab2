// How a self-check (报送前自查) reads, on the page and on its printed sheet: the one summary line
// and the line about the year before, so the two say the same.
import type { SelfCheckFile } from '../../shared/contract/types.ts';
import type { Finding } from '../../shared/report/model.ts';
import { isReviewRule } from '../../shared/report/status.ts';

type Read = Extract<SelfCheckFile, { ok: true }>;

/** N 处错误、N 处提醒, and the 体检 and 识别存疑 among them said apart (识别存疑 is not the unit's until checked). */
export function summaryLine(findings: Finding[]): string {
  const doubts = findings.filter((f) => f.fault === 'reading').length;
  const errors = findings.filter((f) => f.severity === 'error' && f.fault !== 'reading').length;
  const warnings = findings.filter((f) => f.severity === 'warning' && f.fault !== 'reading');
  const review = warnings.filter((f) => isReviewRule(f.rule)).length;
  if (!errors && !warnings.length && !doubts) return '未发现错误和提醒';
  return `${errors} 处错误、${warnings.length} 处提醒${review ? `（其中体检 ${review} 处）` : ''}${doubts ? `，另有 ${doubts} 处识别存疑（请核对原文）` : ''}`;
}

/** Which archived report the cross-year checks ran against, or why none. */
export function previousLine(f: Read): string {
  if (f.previous) return `与${f.previous.year}年度已归档报告比较`;
  if (!f.year || !f.agency) return '未识别出单位或年度，未与往年报告比较';
  return `档案中没有该单位${f.year - 1}年度的报告，未做跨年度核对`;
}

/** The cells the findings name, marked as on the report page: an error outranks a 提醒. */
export function markedCells(findings: Finding[]): Map<string, 'error' | 'warning'> {
  const m = new Map<string, 'error' | 'warning'>();
  for (const f of findings)
    for (const c of f.cells) {
      const k = `${c.table}|${c.row}|${c.col}`;
      if (m.get(k) !== 'error') m.set(k, f.severity);
    }
  return m;
}
