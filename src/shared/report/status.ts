// The status a report shows in the library: 有错误 > 解析不完整 > 有提醒 > 通过, from the checks
// of its tables and completeness. The 年报体检 reading of the text (review.ts) is advice to the
// unit, listed with the findings and in the notice, but does not make a sound report 有提醒:
// nearly every real report has some, and the status must still tell the ones to look at.
import type { ReportStatus } from '../contract/types.ts';
import type { Finding } from './model.ts';
import { REVIEW_RULES } from './checks/review.ts';

const REVIEW = new Set(REVIEW_RULES.map((r) => r.id));
export const isReviewRule = (rule: string) => REVIEW.has(rule);

export function statusOf(complete: boolean, all: Finding[]): ReportStatus {
  const findings = all.filter((f) => !REVIEW.has(f.rule));
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (!complete) return 'incomplete';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  return 'ok';
}

export const STATUS_LABELS: Record<ReportStatus, string> = {
  ok: '通过',
  error: '有错误',
  warning: '有提醒',
  incomplete: '解析不完整',
};

/** The word a finding is shown with: 错误, 识别存疑 (may be our reading's, not the unit's), 体检, 提醒. */
export function findingLabel(f: Pick<Finding, 'severity' | 'rule' | 'fault'>): string {
  if (f.fault === 'reading') return '识别存疑';
  return f.severity === 'error' ? '错误' : REVIEW.has(f.rule) ? '体检' : '提醒';
}
