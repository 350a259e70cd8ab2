// The status a report shows in the library: 有错误 > 解析不完整 > 有提醒 > 通过.
import type { ReportStatus } from '../contract/types.ts';
import type { Finding } from './model.ts';

export function statusOf(complete: boolean, findings: Finding[]): ReportStatus {
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
