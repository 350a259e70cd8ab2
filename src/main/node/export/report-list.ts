// Lists as sheets: the library's reports as the clerk sees them (or picked), in the order
// shown, and every hit of a search with its snippet and the values its conditions found.
import type { ReportSummary, SearchHit } from '../../../shared/contract/types.ts';
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

const SEARCH_HEAD = ['单位', '年度', '格式', '状态', '命中位置', '摘要', '条件取值', '源文件'];

function searchRows(hits: SearchHit[]): (string | number | null)[][] {
  return hits.map((h) => [
    h.agency ?? '（未识别单位）',
    h.year,
    TEMPLATE_NAMES[h.template],
    STATUS_LABELS[h.status],
    h.partName,
    h.snippet?.text ?? null,
    h.values?.map((v) => `${v.label} = ${v.value}`).join('；') ?? null,
    h.fileName,
  ]);
}

export const searchXlsx = (hits: SearchHit[]) => simpleXlsx('检索结果', SEARCH_HEAD, searchRows(hits));
export const searchCsv = (hits: SearchHit[]) => csvFile([SEARCH_HEAD, ...searchRows(hits)]);
