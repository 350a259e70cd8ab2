import type { TableId, TemplateId } from '../model.ts';

export interface ColumnSpec {
  id: string;
  label: string;
  /** Money column: values are normalised to 万元. */
  money?: boolean;
}

export interface RowSpec {
  id: string;
  /** Canonical label as printed in the national form. */
  label: string;
  /** Group label for sub-items, e.g. "（三）不予公开". */
  group?: string;
  /** Distinctive fragments (after normalisation) that identify the row anywhere ahead. */
  keys: string[];
  /** Fragments too generic to trust unless this row is the next one expected. */
  weakKeys?: string[];
}

export interface BlockSpec {
  id: string;
  label: string; // 第二十条第（一）项
  columns: ColumnSpec[];
  rows: RowSpec[];
  /**
   * A relation every row of the block satisfies, by position of its columns: a reading of a
   * run-together row that breaks it is not the row's. 'inForce': 现行有效 ≥ 制发 − 废止 (what is
   * in force includes this year's documents not repealed).
   */
  holds?: 'inForce';
}

/** A term of a sum: one row/column id, or alternatives (the first present one is used). */
export type Term = string | { anyOf: string[][] };

export interface RuleSpec {
  id: string;
  table: TableId;
  /** 'perColumn': the equation holds in every column over the listed rows; 'perRow': the reverse. */
  over: 'perColumn' | 'perRow';
  lhs: Term[];
  rhs: Term[];
  /** How the rule reads to a reviewer. */
  text: string;
}

export interface TemplateDef {
  id: Exclude<TemplateId, 'pre2019' | 'unknown'>;
  name: string;
  /** Table 二 blocks, in order. */
  t2: BlockSpec[];
  /** Row ids of table 三 this template has (from T3_ROWS). */
  t3RowIds: string[];
  /** Labels in table 二 that only this template uses: evidence for detection. */
  evidence: string[];
}

export const TABLE_LABELS: Record<TableId, string> = {
  t2: '主动公开',
  t3: '申请处理',
  t4: '复议诉讼',
};

export const TABLE_TITLES: Record<TableId, string> = {
  t2: '表二 主动公开政府信息情况',
  t3: '表三 收到和处理政府信息公开申请情况',
  t4: '表四 政府信息公开行政复议、行政诉讼情况',
};
