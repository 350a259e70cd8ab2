// Table 四 (行政复议、行政诉讼): the same in both national formats.
import type { ColumnSpec, RowSpec } from './types.ts';

export const T4_COLUMNS: ColumnSpec[] = [
  { id: 'upheld', label: '结果维持' },
  { id: 'corrected', label: '结果纠正' },
  { id: 'other', label: '其他结果' },
  { id: 'pending', label: '尚未审结' },
  { id: 'total', label: '总计' },
];

/** The three groups of five columns, printed as one data row; each group is a row here. */
export const T4_ROWS: RowSpec[] = [
  { id: 'review', label: '行政复议', keys: [] },
  { id: 'suit_direct', label: '未经复议直接起诉', group: '行政诉讼', keys: [] },
  { id: 'suit_after', label: '复议后起诉', group: '行政诉讼', keys: [] },
];

/** Header fragments of table 四; the data row follows the last of them. */
export const T4_HEADER_FRAGMENTS = ['维持', '纠正', '结果', '审结', '总计', '起诉', '复议', '诉讼'];

/** Every word of table 四's header, for a header whose cells ran together into one text. */
export const T4_HEADER_WORDS = ['未经复议直接起诉', '复议后起诉', '行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '维持', '纠正', '其他', '结果', '审结', '合计'];
