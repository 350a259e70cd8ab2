// The 填报模板 written from the template data, read back with exceljs and mammoth.
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { templateDocx } from '../../src/main/node/export/template-docx.ts';
import { templateXlsx } from '../../src/main/node/export/template-xlsx.ts';
import { formTables, TEMPLATE_MARKER, TEMPLATE_PARTS, XLSX_TABLE_TOP } from '../../src/shared/report/fill-template.ts';

const mark = { format: 'T2021' as const, unit: '测试县财政局', year: 2025 };

async function workbook(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('填报模板 .xlsx', () => {
  it('has the three tables as sheets, merged headers, protection, unlocked value cells and the 勾稽 formulas', async () => {
    const wb = await workbook(await templateXlsx(mark));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表二', '表三', '表四', TEMPLATE_MARKER]);
    const t3 = wb.getWorksheet('表三')!;
    const top = XLSX_TABLE_TOP;
    // The header: the corner over three rows and three columns, 申请人情况 over seven, 法人或其他组织 over five.
    const merges = (t3 as unknown as { _merges: Record<string, { range: string }> })._merges;
    const ranges = Object.values(merges).map((m) => m.range);
    expect(ranges).toEqual(expect.arrayContaining([`A${top}:C${top + 2}`, `D${top}:J${top}`, `E${top + 1}:I${top + 1}`, `D${top + 1}:D${top + 2}`]));
    expect(t3.getCell(`D${top}`).value).toBe('申请人情况');
    expect(t3.getCell(`A${top + 3}`).value).toBe('一、本年新收政府信息公开申请数量');
    expect((t3 as unknown as { sheetProtection?: { sheet: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(t3.getCell(`D${top + 3}`).protection?.locked).toBe(false);
    expect(t3.getCell(`A${top + 3}`).protection?.locked).not.toBe(false);
    // R2 beside each row, R1 and R3 under the table.
    const r2 = t3.getCell(`K${top + 3}`).value as { formula: string };
    expect(r2.formula).toContain(`J${top + 3}-SUM(D${top + 3},E${top + 3}`);
    const rows = formTables('T2021')[1].rows.length;
    expect((t3.getCell(`D${top + rows}`).value as { formula: string }).formula).toMatch(/D\d+\+D\d+-D\d+-D\d+/);
    expect((t3.getCell(`J${top + rows + 1}`).value as { formula: string }).formula).toContain('SUM(');
    expect((wb.getWorksheet('表四')!.getCell(`E${top + 5}`).value as { formula: string }).formula).toContain(`E${top + 3}-SUM(A${top + 3}`);
    const marker = wb.getWorksheet(TEMPLATE_MARKER)!;
    expect(marker.state).toBe('veryHidden');
    expect([marker.getCell('B1').value, marker.getCell('B3').value, marker.getCell('B4').value]).toEqual(['T2021', '测试县财政局', 2025]);
  });

  it('lays table 二 out in the 2019 format for 2019–2020', async () => {
    const wb = await workbook(await templateXlsx({ ...mark, format: 'T2019', year: 2020 }));
    const t2 = wb.getWorksheet('表二')!;
    const labels: string[] = [];
    t2.eachRow((r) => r.eachCell((c) => typeof c.value === 'string' && labels.push(c.value)));
    expect(labels).toEqual(expect.arrayContaining(['本年新制作数量', '上一年项目数量', '政府集中采购']));
    expect(labels).not.toContain('本年制发件数');
  });
});

describe('填报模板 .docx', () => {
  it('has the title, the six headings with their guidance and the three tables with merged headers', async () => {
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(await templateDocx(mark)) })).value;
    expect(html).toContain('测试县财政局2025年度政府信息公开工作年度报告');
    for (const p of TEMPLATE_PARTS) expect(html).toContain(`<p>${p.heading}</p><p>${p.guidance}</p>`);
    expect(html.match(/<table>/g)).toHaveLength(3);
    expect(html).toContain('<td colspan="3" rowspan="3">');
    expect(html).toContain('<td colspan="7"><p>申请人情况</p></td>');
    expect(html).toContain('<td rowspan="8"><p>（三）不予公开</p></td>');
    expect(html).toContain('<td colspan="5" rowspan="2"><p>行政复议</p></td>');
  });
});
