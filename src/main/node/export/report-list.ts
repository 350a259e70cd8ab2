// The library's list as a sheet: the reports the clerk sees (or picked), in the order shown.
import type { ReportSummary } from '../../../shared/contract/types.ts';
import { STATUS_LABELS } from '../../../shared/report/status.ts';
import { TEMPLATE_NAMES } from '../../../shared/report/templates/index.ts';
import { simpleXlsx } from './compare-sheet.ts';
import { csvFile } from './csv.ts';

const HEAD = ['单位', '年度', '格式', '状态', '错误', '提醒', '落款日期', '待确认', '源文件', '导入时间'];

function rowsOf(list: ReportSummary[]): (string | number | null)[][] {
  return list.map((r) => [
    r.agency ?? '（未识别单位）',
    r.year,
    TEMPLATE_NAMES[r.template],
    STATUS_LABELS[r.status],
    r.errors,
    r.warnings,
    r.date,
    r.review.join('；'),
    r.fileName,
    r.importedAt.slice(0, 19).replace('T', ' '),
  ]);
}

export const reportListXlsx = (list: ReportSummary[]) => simpleXlsx('报告列表', HEAD, rowsOf(list));
export const reportListCsv = (list: ReportSummary[]) => csvFile([HEAD, ...rowsOf(list)]);
