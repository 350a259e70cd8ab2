// Findings as a reviewer reads them: one line per rule and table when a rule fires many times
// (a report with 112 blank cells has one line 表三有 112 个格子不是数字, not 112), errors first.
import type { Finding, Severity, TableId } from '../model.ts';
import { RULES } from '../templates/rules.ts';
import { TABLE_TITLES } from '../templates/types.ts';

export interface FindingGroup {
  key: string;
  rule: string;
  severity: Severity;
  /** Whose a failed rule is (识别存疑 when it may be our reading's). */
  fault?: Finding['fault'];
  table: TableId | null;
  /** The line shown: the finding's own message when it is alone, a summary otherwise. */
  title: string;
  findings: Finding[];
}

/** From this many findings of one rule in one table, they are shown as one line. */
export const GROUP_FROM = 3;

const shortTable = (t: TableId) => TABLE_TITLES[t].split(' ')[0];

function summary(rule: string, table: TableId | null, n: number): string {
  const where = table ? shortTable(table) : '报告';
  if (rule === 'V2') return `${where}有 ${n} 个格子为空白或“/”等符号，不是数字（不按0计算），相关勾稽关系无法核对`;
  if (rule === 'V1') return `${where}有 ${n} 个件数不是非负整数`;
  const spec = RULES.find((r) => r.id === rule);
  if (spec) return `${where}有 ${n} 处不符合 ${rule}：${spec.text}`;
  if (rule === 'C1') return `缺少 ${n} 个部分，或这些部分的标题未能识别`;
  if (rule === 'C2') return `缺少 ${n} 张统计表`;
  if (rule.startsWith('N')) return `${where}有 ${n} 处与正文陈述的数字不一致`;
  if (rule === 'A1') return `${where}有 ${n} 个格子与所属单位报告之和不一致（各单位之和见“区域汇总表”）`;
  if (rule.startsWith('X')) return `${where}有 ${n} 处与上一年度报告衔接不上（${rule}）`;
  return `${where}有 ${n} 条同类问题（${rule}），展开查看`;
}

export function groupFindings(findings: Finding[]): FindingGroup[] {
  const byKey = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.severity}|${f.fault ?? ''}|${f.rule}|${f.cells[0]?.table ?? ''}`;
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  const out: FindingGroup[] = [];
  for (const [key, list] of byKey) {
    const first = list[0];
    const table = first.cells[0]?.table ?? null;
    const fault = first.fault ? { fault: first.fault } : {};
    if (list.length < GROUP_FROM) list.forEach((f, i) => out.push({ key: `${key}|${i}`, rule: f.rule, severity: f.severity, ...fault, table, title: f.message, findings: [f] }));
    else out.push({ key, rule: first.rule, severity: first.severity, ...fault, table, title: summary(first.rule, table, list.length), findings: list });
  }
  // Errors before 提醒; otherwise in the order the checks found them.
  return out.map((g, i) => ({ g, i })).sort((a, b) => (a.g.severity === b.g.severity ? a.i - b.i : a.g.severity === 'error' ? -1 : 1)).map((x) => x.g);
}
