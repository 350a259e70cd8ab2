// The 勾稽 rules, as data: checks, the report view and the print sheet read them here.
import type { RuleSpec } from './types.ts';

const T3_DETAIL_ROWS = [
  'r1',
  'r2',
  'r3_1', 'r3_2', 'r3_3', 'r3_4', 'r3_5', 'r3_6', 'r3_7', 'r3_8',
  'r4_1', 'r4_2', 'r4_3',
  'r5_1', 'r5_2', 'r5_3', 'r5_4', 'r5_5',
];

export const RULES: RuleSpec[] = [
  {
    id: 'R1',
    table: 't3',
    over: 'perColumn',
    lhs: ['new', 'carry'],
    rhs: ['r7', 'next'],
    text: '一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理',
  },
  {
    id: 'R2',
    table: 't3',
    over: 'perRow',
    lhs: ['total'],
    rhs: ['natural', 'business', 'research', 'public', 'legal', 'other'],
    text: '总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
  },
  {
    id: 'R3',
    table: 't3',
    over: 'perColumn',
    lhs: ['r7'],
    rhs: [...T3_DETAIL_ROWS, { anyOf: [['r6_1', 'r6_2', 'r6_3'], ['r6']] }],
    text: '（七）总计 = （一）+（二）+（三）1–8 +（四）1–3 +（五）1–5 +（六）',
  },
  {
    id: 'R4',
    table: 't4',
    over: 'perRow',
    lhs: ['total'],
    rhs: ['upheld', 'corrected', 'other', 'pending'],
    text: '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
  },
];
