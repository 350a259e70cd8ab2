// The area's tables: tables 二, 三 and 四 of one year summed over the units of a government, as
// the 政务公开 office compiles its own report from its departments' and towns'. Each cell keeps
// who added what; a unit whose cell is blank or a mark is not counted as 0 but named (3 个单位
// 未填); money stays in 万元 with its decimals. Units of the other national format are mapped
// where the formats correspond (T2019 （六）其他处理 = T2021 （六）1–3) and the rest said.
import type { Cell, TableId, TemplateId } from '../report/model.ts';
import { TEMPLATES, tableLayout } from '../report/templates/index.ts';

export interface AreaUnit {
  reportId: number;
  agency: string;
  template: TemplateId;
  cells: Cell[];
}

export interface AreaCell {
  table: TableId;
  row: string;
  col: string;
  /** The sum of the units that give a number; null when none does. */
  sum: number | null;
  /** Who added what (numbers only). */
  parts: { reportId: number; agency: string; value: number; mapped?: string }[];
  /** Units with the cell blank or a mark (“/”, “—”): not counted as 0. */
  blank: string[];
  /** Units whose report has no such cell (the other format, or a table not read). */
  absent: string[];
}

export interface AreaTables {
  /** The layout summed into: the format most of the units use (T2021 once it exists). */
  template: 'T2019' | 'T2021';
  units: number;
  cells: AreaCell[];
  /** What the mapping between formats did, said once. */
  notes: string[];
}

const SIX = ['r6_1', 'r6_2', 'r6_3'];
const round = (n: number) => Math.round(n * 10000) / 10000; // 万元 to the yuan's fraction kept in reports

/** Every (table, row, column) of the layout. */
function layoutKeys(template: 'T2019' | 'T2021', withSix: boolean): { table: TableId; row: string; col: string }[] {
  const out: { table: TableId; row: string; col: string }[] = [];
  const t3 = TEMPLATES[template].t3RowIds;
  // 2021-format layout with units that give （六） as one row (the 2019 form, or real 2021 reports written so): the row is shown too.
  const t3Rows = withSix && !t3.includes('r6') ? [...t3.slice(0, t3.indexOf('r6_1')), 'r6', ...t3.slice(t3.indexOf('r6_1'))] : t3;
  for (const table of ['t2', 't3', 't4'] as const) {
    const l = tableLayout(template, table, table === 't3' ? t3Rows : undefined);
    for (const r of l.rows) for (const c of l.columnsOf(r.id)) out.push({ table, row: r.id, col: c.id });
  }
  return out;
}

export function sumAreaTables(units: AreaUnit[]): AreaTables {
  const t2021 = units.filter((u) => u.template === 'T2021').length;
  const t2019 = units.filter((u) => u.template === 'T2019').length;
  const template = t2021 >= t2019 ? 'T2021' : 'T2019';
  const notes: string[] = [];
  const other = units.filter((u) => (u.template === 'T2019' || u.template === 'T2021') && u.template !== template);
  const unread = units.filter((u) => u.template !== 'T2019' && u.template !== 'T2021');
  if (unread.length) notes.push(`${unread.length} 个单位的报告不是全国统一格式或未识别出统计表，未计入：${unread.map((u) => u.agency).join('、')}`);
  if (other.length)
    notes.push(
      template === 'T2021'
        ? `${other.length} 个单位使用2019版格式：表三“（六）其他处理”只有合计，列在“（六）其他处理”一行（2021版单位计其1–3项之和），不能拆分到1–3项；表二两版不同的项目按“无此项”列出`
        : `${other.length} 个单位使用2021版格式：其表三（六）1–3项之和计入“（六）其他处理”；表二两版不同的项目按“无此项”列出`,
    );
  const counted = units.filter((u) => u.template === 'T2019' || u.template === 'T2021');
  const withSix = counted.some((u) => u.cells.some((c) => c.table === 't3' && c.row === 'r6'));
  const cells: AreaCell[] = layoutKeys(template, withSix).map(({ table, row, col }) => {
    const cell: AreaCell = { table, row, col, sum: null, parts: [], blank: [], absent: [] };
    for (const u of counted) {
      const find = (r: string) => u.cells.find((c) => c.table === table && c.row === r && c.col === col);
      const c = find(row);
      let mapped: string | undefined;
      let value: number | null = null;
      if (!c && table === 't3' && row === 'r6' && u.template === 'T2021') {
        // T2021's three sub-rows make T2019's one.
        const subs = SIX.map(find);
        if (subs.every((s) => s?.value.kind === 'number')) {
          value = subs.reduce((s, x) => s + x!.value.num!, 0);
          mapped = '（六）1–3项之和';
        } else if (subs.some((s) => s)) {
          cell.blank.push(u.agency);
          continue;
        }
      } else if (c) {
        if (c.value.kind === 'number') value = c.value.num;
        else {
          cell.blank.push(u.agency);
          continue;
        }
      }
      if (value === null) {
        cell.absent.push(u.agency);
        continue;
      }
      cell.parts.push({ reportId: u.reportId, agency: u.agency, value, ...(mapped ? { mapped } : {}) });
    }
    if (cell.parts.length) cell.sum = round(cell.parts.reduce((s, p) => s + p.value, 0));
    return cell;
  });
  return { template, units: counted.length, cells, notes };
}

/** The area's sums as report cells (for the official-layout table views and exports). */
export function areaCells(a: Pick<AreaTables, 'cells'>): Cell[] {
  return a.cells
    .filter((c) => c.sum !== null || c.blank.length > 0)
    .map((c) => ({
      table: c.table,
      row: c.row,
      col: c.col,
      value: c.sum === null ? { kind: 'blank', num: null, raw: '' } : { kind: 'number', num: c.sum, raw: String(c.sum) },
      source: `${c.parts.length} 个单位之和${c.blank.length ? `（${c.blank.length} 个单位未填）` : ''}`,
    }));
}
