// Table 三 (收到和处理政府信息公开申请情况): rows and columns shared by T2019 and T2021.
import type { ColumnSpec, RowSpec } from './types.ts';

export const T3_COLUMNS: ColumnSpec[] = [
  { id: 'natural', label: '自然人' },
  { id: 'business', label: '商业企业' },
  { id: 'research', label: '科研机构' },
  { id: 'public', label: '社会公益组织' },
  { id: 'legal', label: '法律服务机构' },
  { id: 'other', label: '其他' },
  { id: 'total', label: '总计' },
];

/** Columns 法人或其他组织 groups in the printed header. */
export const T3_LEGAL_PERSON_COLUMNS = ['business', 'research', 'public', 'legal', 'other'];

const G3 = '（三）不予公开';
const G4 = '（四）无法提供';
const G5 = '（五）不予处理';
const G6 = '（六）其他处理';

/** Headings inside table 三 that are no row of their own: the group of rows r1–r7. */
export const T3_HEADINGS = ['三、本年度办理结果'];

/** Every row either template has, in printed order. Keys are matched after normalisation (NFKC, no spaces). */
export const T3_ROWS: RowSpec[] = [
  { id: 'new', label: '一、本年新收政府信息公开申请数量', keys: ['本年新收', '新收到', '新收政府信息', '本年度新收'] },
  { id: 'carry', label: '二、上年结转政府信息公开申请数量', keys: ['上年结转', '上年转结', '上年度结转', '上一年结转'] },
  { id: 'r1', label: '（一）予以公开', keys: ['予以公开'] },
  { id: 'r2', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', keys: ['部分公开'] },
  { id: 'r3_1', group: G3, label: '1.属于国家秘密', keys: ['国家秘密'] },
  { id: 'r3_2', group: G3, label: '2.其他法律行政法规禁止公开', keys: ['其他法律行政', '法规禁止公开', '行政法规禁止'] },
  { id: 'r3_3', group: G3, label: '3.危及“三安全一稳定”', keys: ['三安全', '一稳定'] },
  { id: 'r3_4', group: G3, label: '4.保护第三方合法权益', keys: ['第三方合法权益', '保护第三方'] },
  { id: 'r3_5', group: G3, label: '5.属于三类内部事务信息', keys: ['内部事务'] },
  { id: 'r3_6', group: G3, label: '6.属于四类过程性信息', keys: ['过程性信息', '四类过程'] },
  { id: 'r3_7', group: G3, label: '7.属于行政执法案卷', keys: ['执法案卷'] },
  { id: 'r3_8', group: G3, label: '8.属于行政查询事项', keys: ['行政查询'] },
  { id: 'r4_1', group: G4, label: '1.本机关不掌握相关政府信息', keys: ['不掌握'] },
  { id: 'r4_2', group: G4, label: '2.没有现成信息需要另行制作', keys: ['没有现成', '另行制作'] },
  { id: 'r4_3', group: G4, label: '3.补正后申请内容仍不明确', keys: ['补正后', '仍不明确'] },
  { id: 'r5_1', group: G5, label: '1.信访举报投诉类申请', keys: ['信访举报', '举报投诉'] },
  { id: 'r5_2', group: G5, label: '2.重复申请', keys: ['重复申请'] },
  { id: 'r5_3', group: G5, label: '3.要求提供公开出版物', keys: ['公开出版物'] },
  { id: 'r5_4', group: G5, label: '4.无正当理由大量反复申请', keys: ['大量反复'] },
  { id: 'r5_5', group: G5, label: '5.要求行政机关确认或重新出具已获取信息', keys: ['确认或重新', '重新出具'] },
  // T2019 has one （六） row; T2021 agencies sometimes still print it instead of the three sub-rows.
  { id: 'r6', label: '（六）其他处理', keys: ['其他处理', '(六)其他'] },
  {
    id: 'r6_1',
    group: G6,
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    keys: ['逾期不补', '无正当理由逾期'],
  },
  {
    id: 'r6_2',
    group: G6,
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    keys: ['收费通知', '缴纳费用'],
  },
  { id: 'r6_3', group: G6, label: '3.其他', keys: [], weakKeys: ['其他'] },
  { id: 'r7', label: '（七）总计', keys: ['(七)总计', '七)总计'], weakKeys: ['总计'] },
  {
    id: 'next',
    label: '四、结转下年度继续办理',
    keys: ['结转下年度', '转结下年度', '结转下一年度', '下年度继续办理', '结转下年'],
  },
];

export const T3_ROW_INDEX = new Map(T3_ROWS.map((r, i) => [r.id, i]));

export function t3RowLabel(row: RowSpec): string {
  return row.group ? `${row.group} ${row.label}` : row.label;
}
