// Display helpers: every word the user reads is Simplified Chinese.
import type { ReportStatus } from '../shared/contract/types.ts';
import type { TemplateId } from '../shared/report/model.ts';
import { STATUS_LABELS } from '../shared/report/status.ts';
import { TEMPLATE_NAMES } from '../shared/report/templates/index.ts';

export const statusLabel = (s: ReportStatus) => STATUS_LABELS[s];
export const templateLabel = (t: TemplateId) => TEMPLATE_NAMES[t];

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function formatSignDate(date: string | null): string {
  if (!date) return '未注明';
  const [y, m, d] = date.split('-');
  return d ? `${y}年${Number(m)}月${Number(d)}日` : `${y}年${Number(m)}月`;
}

export function formatSize(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`;
}

/** How the original file was read: 文本（GB18030）, Word（.docx）, 网页（UTF-8）. */
export function formatLabel(format: string, encoding: string): string {
  if (format === 'txt') return `文本（${encoding}）`;
  if (format === 'html') return `网页（${encoding}）`;
  if (format === 'mht') return `单一网页文件（${encoding.replace(/^MHT /, '')}）`;
  if (format === 'pdf') return encoding; // PDF, or PDF（扫描件）
  if (format === 'xlsx') return 'Excel填报模板（.xlsx）';
  return `Word（.${format}）`;
}
