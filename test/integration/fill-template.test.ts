// A 填报模板 filled by a script with every cell of a real report, imported through processFile:
// every cell reads back exactly, by position (source 填报模板); with a row deleted it is read as
// an ordinary report with the 提醒.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { templateDocx } from '../../src/main/node/export/template-docx.ts';
import { templateXlsx } from '../../src/main/node/export/template-xlsx.ts';
import { processFile } from '../../src/main/node/import/process-file.ts';
import { readFileBytes } from '../../src/main/node/import/readers/index.ts';
import { formTables, placeCells, TEMPLATE_PARTS, XLSX_TABLE_TOP, type FormatId } from '../../src/shared/report/fill-template.ts';
import type { Cell, ParsedReport } from '../../src/shared/report/model.ts';

const real = (p: string) => new Uint8Array(readFileSync(new URL(`../fixtures/real/${p}`, import.meta.url)));

async function parsed(p: string, ext: string): Promise<ParsedReport> {
  const r = await processFile(real(p), ext);
  if (!r.ok) throw new Error(r.message);
  return r.report;
}

/** What a unit types for a value: the number, or the mark as written; nothing for a blank. */
const typedText = (c: Cell | undefined) => (!c || c.value.kind === 'blank' ? '' : c.value.kind === 'number' ? String(c.value.num) : c.value.raw);
const key = (c: { table: string; row: string; col: string }) => `${c.table}/${c.row}/${c.col}`;

/** Every value place of the template, with what the corpus report has there. */
function expected(format: FormatId, r: ParsedReport) {
  const byKey = new Map(r.cells.map((c) => [key(c), c]));
  return formTables(format).flatMap((t) => placeCells(t).filter((p) => p.value).map((p) => ({ table: t.table, ...p.value!, cell: byKey.get(key({ table: t.table, ...p.value! })) })));
}

/** Fills the .xlsx as a unit would in Excel: the value cells only; `drop` deletes a row of 表三. */
async function fillXlsx(bytes: Uint8Array, format: FormatId, r: ParsedReport, drop?: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const byKey = new Map(r.cells.map((c) => [key(c), c]));
  for (const t of formTables(format)) {
    const ws = wb.getWorksheet(t.sheet)!;
    for (const p of placeCells(t)) {
      if (!p.value) continue;
      const c = byKey.get(key({ table: t.table, ...p.value }));
      if (!c || c.value.kind === 'blank') continue;
      ws.getCell(XLSX_TABLE_TOP + p.r, 1 + p.c).value = c.value.kind === 'number' ? c.value.num : c.value.raw;
    }
    if (drop !== undefined && t.table === 't3') ws.spliceRows(XLSX_TABLE_TOP + drop, 1);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Fills the .docx as a unit would in Word: text under each heading, a number in each value cell. */
async function fillDocx(bytes: Uint8Array, format: FormatId, r: ParsedReport, drop?: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let xml = await zip.file('word/document.xml')!.async('string');
  for (const p of TEMPLATE_PARTS) {
    const text = r.parts.find((x) => x.no === p.no)?.text.split('\n').find((l) => l.trim() && !l.includes('\t')) ?? '无。';
    const at = xml.indexOf('</w:p>', xml.indexOf(esc(p.guidance))) + '</w:p>'.length;
    xml = `${xml.slice(0, at)}<w:p><w:r><w:t>${esc(text)}</w:t></w:r></w:p>${xml.slice(at)}`;
  }
  const byKey = new Map(r.cells.map((c) => [key(c), c]));
  const forms = formTables(format);
  let ti = 0;
  xml = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (tbl) => {
    const form = forms[ti++];
    let ri = 0;
    return tbl.replace(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g, (tr) => {
      const row = form.rows[ri++];
      let ci = 0;
      const filled = tr.replace(/<w:tc>[\s\S]*?<\/w:tc>/g, (tc) => {
        if (/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/.test(tc)) return tc; // the cell a rowspan above covers
        const want = row[ci++];
        const text = want?.value ? typedText(byKey.get(key({ table: form.table, ...want.value }))) : '';
        return text ? tc.replace(/<w:p>([\s\S]*?)<\/w:p>|<w:p\/>/, (_m, inner = '') => `<w:p>${inner}<w:r><w:t>${esc(text)}</w:t></w:r></w:p>`) : tc;
      });
      return form.table === 't3' && ri - 1 === drop ? '' : filled;
    });
  });
  zip.file('word/document.xml', xml);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

/** Each cell's `at` names the table, row and cell of the file (1-based, as 原文对照 opens them) holding what was typed. */
async function expectPlaces(bytes: Uint8Array, ext: string, back: ParsedReport) {
  const tables = (await readFileBytes(bytes, ext)).content.blocks.flatMap((b) => (b.type === 'table' ? [b.rows] : []));
  for (const c of back.cells) {
    if (c.at?.kind !== 'cell') throw new Error(`${key(c)} has no cell`);
    const text = tables[c.at.table - 1]?.[c.at.row - 1]?.[c.at.col - 1]?.text ?? '(none)';
    expect(text.trim(), `${key(c)} ${c.source}`).toBe(c.value.kind === 'number' ? String(c.value.num) : c.value.raw);
  }
}

/** A table of its own the unit put under 一、总体情况 (a list of its work). */
async function withTableInPartOne(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const at = xml.indexOf('</w:p>', xml.indexOf(esc(TEMPLATE_PARTS[0].guidance))) + '</w:p>'.length;
  const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
  zip.file('word/document.xml', `${xml.slice(0, at)}<w:tbl><w:tr>${cell('工作事项')}${cell('完成情况')}</w:tr><w:tr>${cell('政策解读')}${cell('12')}</w:tr></w:tbl>${xml.slice(at)}`);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

function expectEveryCell(format: FormatId, source: ParsedReport, back: ParsedReport) {
  const got = new Map(back.cells.map((c) => [key(c), c]));
  const want = expected(format, source);
  expect(back.cells.length).toBe(want.length);
  for (const w of want) {
    const g = got.get(key(w))!;
    expect(g, key(w)).toBeDefined();
    expect(g.source, key(w)).toMatch(/^填报模板 表[二三四] 第\d+行 第\d+列$/);
    expect(g.how).toBeUndefined();
    expect(g.at?.kind).toBe('cell');
    const v = w.cell?.value ?? { kind: 'blank', num: null };
    expect([g.value.kind, g.value.num], `${key(w)} ${g.source}`).toEqual([v.kind, v.num]);
  }
  expect(back.template).toBe(format);
  expect(back.notes.some((n) => n.code === 'template-changed')).toBe(false);
}

const CORPUS: { format: FormatId; file: string; ext: string }[] = [
  { format: 'T2021', file: 'pt-jsp-2023/report.docx', ext: '.docx' },
  { format: 'T2019', file: 'pt-czj-2019/page.html', ext: '.html' },
];

describe.each(CORPUS)('a $format template filled with every cell of $file', ({ format, file, ext }) => {
  it('reads back every cell exactly from the .docx, with the text parts', async () => {
    const src = await parsed(file, ext);
    expect(src.template).toBe(format);
    const mark = { format, unit: src.agency!, year: src.year! };
    const filled = await fillDocx(await templateDocx(mark), format, src);
    const r = await processFile(filled, '.docx');
    if (!r.ok) throw new Error(r.message);
    expectEveryCell(format, src, r.report);
    await expectPlaces(filled, '.docx', r.report);
    expect(r.report.agency).toBe(src.agency);
    expect(r.report.year).toBe(src.year);
    expect(r.report.parts.map((p) => p.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.report.text).not.toContain('填写说明');
    expect(r.report.complete).toBe(true);
    expect(r.findings.filter((f) => f.fault === 'reading')).toEqual([]);
    // A table the unit added under 一、总体情况 is no change to the form's tables.
    const more = await withTableInPartOne(filled);
    const m = await processFile(more, '.docx');
    if (!m.ok) throw new Error(m.message);
    expectEveryCell(format, src, m.report);
    await expectPlaces(more, '.docx', m.report);
  });

  it('reads back every cell exactly from the .xlsx, and says the report lacks its parts', async () => {
    const src = await parsed(file, ext);
    const filled = await fillXlsx(await templateXlsx({ format, unit: src.agency!, year: src.year! }), format, src);
    const r = await processFile(filled, '.xlsx');
    if (!r.ok) throw new Error(r.message);
    expect(r.format).toBe('xlsx');
    expectEveryCell(format, src, r.report);
    await expectPlaces(filled, '.xlsx', r.report);
    expect(r.report.complete).toBe(false);
    expect(r.report.notes.map((n) => n.message).join('\n')).toContain('没有报告正文的六个部分');
  });

  it('with a row of 表三 deleted, reads it as an ordinary report with the 提醒', async () => {
    const src = await parsed(file, ext);
    const mark = { format, unit: src.agency!, year: src.year! };
    for (const [bytes, e] of [
      [await fillDocx(await templateDocx(mark), format, src, 6), '.docx'],
      [await fillXlsx(await templateXlsx(mark), format, src, 6), '.xlsx'],
    ] as const) {
      const r = await processFile(bytes, e);
      if (!r.ok) throw new Error(r.message);
      const note = r.report.notes.find((n) => n.code === 'template-changed');
      expect(note?.message, e).toMatch(/^提醒：填报模板的表格被改动（表三应有\d+行，现有\d+行），已按普通报告识别$/);
      expect(r.report.cells.some((c) => c.source.startsWith('填报模板'))).toBe(false);
    }
  });
});

describe('a template sent back unfilled', () => {
  it('is still the template (table 四 all blank is its row, not the end of the table): every cell blank', async () => {
    for (const [bytes, e] of [
      [await templateXlsx({ format: 'T2021', unit: '某县财政局', year: 2025 }), '.xlsx'],
      [await templateDocx({ format: 'T2021', unit: '某县财政局', year: 2025 }), '.docx'],
    ] as const) {
      const r = await processFile(bytes, e);
      if (!r.ok) throw new Error(r.message);
      expect(r.report.notes.some((n) => n.code === 'template-changed'), e).toBe(false);
      expect(r.report.cells.length).toBe(expected('T2021', { ...r.report, cells: [] }).length);
      expect(r.report.cells.every((c) => c.value.kind === 'blank')).toBe(true);
    }
  });
});

describe('an .xlsx that is no template', () => {
  it('is refused with a Chinese reason', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '政府信息公开工作年度报告';
    const r = await processFile(new Uint8Array(await wb.xlsx.writeBuffer()), '.xlsx');
    expect(r).toMatchObject({ ok: false, code: 'not-template', message: 'Excel表格文件，不是报告的格式（只有本程序生成的填报模板可以导入）' });
    expect(await processFile(new TextEncoder().encode('x'), '.xlsx')).toMatchObject({ ok: false, message: '文件扩展名是.xlsx，但内容不是Excel工作簿（文件已损坏或格式无法识别）' });
  });
});
