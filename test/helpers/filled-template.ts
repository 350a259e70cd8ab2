// A 填报模板 (.xlsx) filled as a unit would fill it in Excel, with every cell of a real corpus
// report: for 报送前自查 (a unit's draft on the template), optionally with a cell changed.
import { mkdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { writeTemplates } from '../../src/main/node/export/templates.ts';
import { processFile } from '../../src/main/node/import/process-file.ts';
import { formTables, placeCells, XLSX_TABLE_TOP } from '../../src/shared/report/fill-template.ts';
import type { Cell } from '../../src/shared/report/model.ts';

/**
 * The unit's template of `year` written into `folder`, its tables typed from the corpus file
 * `real` (T2021); `typed` may change what is typed in a cell. The .xlsx path.
 */
export async function filledTemplate(folder: string, unit: string, year: number, real: string, typed: (c: Cell) => number | string = (c) => (c.value.kind === 'number' ? c.value.num! : c.value.raw)): Promise<string> {
  const r = await processFile(new Uint8Array(readFileSync(new URL(`../fixtures/real/${real}`, import.meta.url))), real.slice(real.lastIndexOf('.')));
  if (!r.ok) throw new Error(r.message);
  mkdirSync(folder, { recursive: true });
  const [xlsx] = await writeTemplates(folder, [unit], year);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const byKey = new Map(r.report.cells.map((c) => [`${c.table}/${c.row}/${c.col}`, c]));
  for (const t of formTables('T2021')) {
    const ws = wb.getWorksheet(t.sheet)!;
    for (const p of placeCells(t)) {
      const c = p.value && byKey.get(`${t.table}/${p.value.row}/${p.value.col}`);
      if (c && c.value.kind !== 'blank') ws.getCell(XLSX_TABLE_TOP + p.r, 1 + p.c).value = typed(c);
    }
  }
  await wb.xlsx.writeFile(xlsx);
  return xlsx;
}

/** 上年结转 and 结转下年度 one more in 自然人 and 总计: the year's own sums still hold, but 上年结转 no longer matches last year's report (X1). */
export const carriedOneMore = (c: Cell) =>
  c.value.kind !== 'number' ? c.value.raw : c.value.num! + (c.table === 't3' && ['carry', 'next'].includes(c.row) && ['natural', 'total'].includes(c.col) ? 1 : 0);
