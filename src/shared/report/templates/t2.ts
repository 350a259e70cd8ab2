// Table 二 (主动公开政府信息情况): the blocks of each national format.
import type { BlockSpec } from './types.ts';

const rules = { id: 'rules', label: '规章', keys: ['规章'] };
const license = { id: 'license', label: '行政许可', keys: ['行政许可'] };
const penalty = { id: 'penalty', label: '行政处罚', keys: ['行政处罚'] };
const enforcement = { id: 'enforcement', label: '行政强制', keys: ['行政强制'] };
const fees = { id: 'fees', label: '行政事业性收费', keys: ['事业性收费'] };

export const T2019_T2: BlockSpec[] = [
  {
    id: 'a20_1',
    label: '第二十条第（一）项',
    columns: [
      { id: 'made', label: '本年新制作数量' },
      { id: 'published', label: '本年新公开数量' },
      { id: 'totalPublic', label: '对外公开总数量' },
    ],
    rows: [rules, { id: 'normative', label: '规范性文件', keys: ['规范性文件'] }],
  },
  {
    id: 'a20_5',
    label: '第二十条第（五）项',
    columns: [
      { id: 'prevCount', label: '上一年项目数量' },
      { id: 'change', label: '本年增/减' },
      { id: 'decisions', label: '处理决定数量' },
    ],
    rows: [license, { id: 'otherService', label: '其他对外管理服务事项', keys: ['对外管理服务'] }],
  },
  {
    id: 'a20_6',
    label: '第二十条第（六）项',
    columns: [
      { id: 'prevCount', label: '上一年项目数量' },
      { id: 'change', label: '本年增/减' },
      { id: 'decisions', label: '处理决定数量' },
    ],
    rows: [penalty, enforcement],
  },
  {
    id: 'a20_8',
    label: '第二十条第（八）项',
    columns: [
      { id: 'prevCount', label: '上一年项目数量' },
      { id: 'change', label: '本年增/减' },
    ],
    rows: [fees],
  },
  {
    id: 'a20_9',
    label: '第二十条第（九）项',
    columns: [
      { id: 'projects', label: '采购项目数量' },
      { id: 'amount', label: '采购总金额', money: true },
    ],
    rows: [{ id: 'procurement', label: '政府集中采购', keys: ['集中采购'] }],
  },
];

export const T2021_T2: BlockSpec[] = [
  {
    id: 'a20_1',
    label: '第二十条第（一）项',
    columns: [
      { id: 'issued', label: '本年制发件数' },
      { id: 'repealed', label: '本年废止件数' },
      { id: 'inForce', label: '现行有效件数' },
    ],
    rows: [rules, { id: 'normative', label: '行政规范性文件', keys: ['规范性文件'] }],
    holds: 'inForce',
  },
  {
    id: 'a20_5',
    label: '第二十条第（五）项',
    columns: [{ id: 'decisions', label: '本年处理决定数量' }],
    rows: [license],
  },
  {
    id: 'a20_6',
    label: '第二十条第（六）项',
    columns: [{ id: 'decisions', label: '本年处理决定数量' }],
    rows: [penalty, enforcement],
  },
  {
    id: 'a20_8',
    label: '第二十条第（八）项',
    columns: [{ id: 'feeAmount', label: '本年收费金额（单位：万元）', money: true }],
    rows: [fees],
  },
];
