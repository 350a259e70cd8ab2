// The 单位目录 as a spreadsheet, the way offices keep such lists: 单位名称, 上级, 类别, 应报, 别名
// (别名 separated by 、). Read back with every bad row said in Chinese, by its row number.
import type ExcelJS from 'exceljs';
import { excel } from './excel.ts';
import { UNIT_KINDS, type UnitKind } from '../../../shared/area/directory.ts';
import type { DirectoryUnit } from '../../../shared/contract/types.ts';

const HEAD = ['单位名称', '上级', '类别', '应报', '别名'];

export async function directoryXlsx(units: DirectoryUnit[]): Promise<Uint8Array> {
  const wb = new (await excel()).Workbook();
  wb.creator = '年报档案';
  const ws = wb.addWorksheet('单位目录', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(HEAD);
  ws.getRow(1).font = { bold: true };
  for (const u of units) ws.addRow([u.name, u.parent ?? '', u.kind, u.required ? '是' : '否', u.aliases.join('、')]);
  ws.columns.forEach((c, i) => (c.width = [40, 32, 10, 8, 40][i]));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export type DirectoryRow = { name: string; parent: string | null; kind: UnitKind; required: boolean; aliases: string[] };

/** The rows of a 单位目录 sheet; throws one Chinese sentence naming every row that is wrong. */
export async function readDirectoryXlsx(bytes: Uint8Array): Promise<DirectoryRow[]> {
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new Error('不是 Excel 工作簿（.xlsx），或文件已损坏');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('工作簿中没有工作表');
  const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v)).trim();
  const head = [1, 2, 3, 4, 5].map((i) => text(ws.getRow(1).getCell(i).value));
  if (head[0] !== '单位名称') throw new Error('第一行应为表头：单位名称、上级、类别、应报、别名');
  const col = (name: string) => head.indexOf(name) + 1;
  const rows: DirectoryRow[] = [];
  const bad: string[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const name = text(row.getCell(1).value);
    if (!name) continue;
    const kind = (col('类别') ? text(row.getCell(col('类别')).value) : '') || '部门';
    if (!UNIT_KINDS.includes(kind as UnitKind)) bad.push(`第${r}行类别“${kind}”应为${UNIT_KINDS.join('、')}之一`);
    const required = col('应报') ? text(row.getCell(col('应报')).value) : '是';
    if (!['', '是', '否', '应报', '不报'].includes(required)) bad.push(`第${r}行应报“${required}”应为“是”或“否”`);
    rows.push({
      name,
      parent: (col('上级') && text(row.getCell(col('上级')).value)) || null,
      kind: kind as UnitKind,
      required: required !== '否' && required !== '不报',
      aliases: col('别名') ? text(row.getCell(col('别名')).value).split(/[、，,;；\n]/).map((a) => a.trim()).filter(Boolean) : [],
    });
  }
  if (bad.length) throw new Error(`单位目录有 ${bad.length} 处需要改正：${bad.slice(0, 5).join('；')}${bad.length > 5 ? '……' : ''}`);
  if (!rows.length) throw new Error('单位目录中没有单位');
  return rows;
}
